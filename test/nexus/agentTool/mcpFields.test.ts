/** The resource mapper's fields from a tool's input schema, and mapped values back as typed arguments (pure). */
import type { ResourceMapperField } from 'n8n-workflow';

import { fieldsOfSchema, mappedArguments } from '../../../nodes/Nexus/shared/mcpFields';

const field = (id: string, type: ResourceMapperField['type'], extra: Partial<ResourceMapperField> = {}): ResourceMapperField => ({
	id,
	displayName: id,
	required: false,
	defaultMatch: false,
	display: true,
	type,
	...extra,
});

describe('fieldsOfSchema', () => {
	test('an enum of numbers gives options keeping the numbers; a nullable integer is a number; no properties, no fields', () => {
		const fields = fieldsOfSchema({ type: 'object', properties: { priority: { type: 'integer', enum: [1, 2, 3] }, size: { type: ['null', 'integer'] } } });
		expect(fields.map((entry) => [entry.id, entry.type, entry.options])).toEqual([
			['priority', 'options', [{ name: '1', value: 1 }, { name: '2', value: 2 }, { name: '3', value: 3 }]],
			['size', 'number', undefined],
		]);
		expect(fieldsOfSchema({ type: 'object' })).toEqual([]);
		expect(fieldsOfSchema(undefined)).toEqual([]);
	});
});

describe('mappedArguments', () => {
	test('an enum number held as text is sent as the schema value; empty optional fields are left out', () => {
		const schema = [field('priority', 'options', { options: [{ name: '1', value: 1 }, { name: '2', value: 2 }] }), field('note', 'string')];
		expect(mappedArguments({ priority: '2', note: '' }, schema)).toEqual({ value: { priority: 2 } });
		expect(mappedArguments({ priority: '7' }, schema).problem).toBe('priority must be one of 1, 2');
	});

	test('a text field given a number by an expression sends it as text (ids stay text)', () => {
		expect(mappedArguments({ id: 123 }, [field('id', 'string')])).toEqual({ value: { id: '123' } });
	});

	test('JSON fields are parsed and must be of their type', () => {
		const schema = [field('tags', 'array'), field('meta', 'object')];
		expect(mappedArguments({ tags: '["a"]', meta: { k: 1 } }, schema)).toEqual({ value: { tags: ['a'], meta: { k: 1 } } });
		expect(mappedArguments({ tags: '{"a": 1}' }, schema).problem).toBe('tags must be a JSON array');
		expect(mappedArguments({ meta: '{oops' }, schema).problem).toMatch(/^meta must be JSON/);
	});

	test('a required boolean set to false is sent; a required field left empty is named', () => {
		const schema = [field('urgent', 'boolean', { required: true }), field('name', 'string', { required: true, displayName: 'Name' })];
		expect(mappedArguments({ urgent: false, name: 'a' }, schema)).toEqual({ value: { urgent: false, name: 'a' } });
		expect(mappedArguments({ urgent: false }, schema).problem).toBe('Name: required by the tool, enter a value');
	});
});
