import { pickFields, simplifyRecord } from '../../../nodes/Nex/shared/simplify';

/** Unit tests of the Simplify helpers (nodes/Nex/shared/simplify.ts). */

test('simplifyRecord moves attributes to the top level and drops object_id and workspace_id', () => {
	expect(
		simplifyRecord({
			id: '32710180831586647',
			object_id: '1',
			type: 'person',
			workspace_id: '2',
			created_at: 'c',
			updated_at: 'u',
			attributes: { name: 'Ada', email_addresses: ['a@b.co'] },
		}),
	).toEqual({ id: '32710180831586647', type: 'person', created_at: 'c', updated_at: 'u', name: 'Ada', email_addresses: ['a@b.co'] });
});

test('an attribute named like a record field is kept as attribute_<slug>', () => {
	expect(simplifyRecord({ id: '9', type: 'deal', attributes: { type: 'inbound', id: 'x' } })).toEqual({
		id: '9',
		type: 'deal',
		attribute_type: 'inbound',
		attribute_id: 'x',
	});
});

test('list entries keep parent_id', () => {
	expect(simplifyRecord({ id: '5', parent_id: '7', attributes: { status: 'new' } })).toEqual({ id: '5', parent_id: '7', status: 'new' });
});

test('pickFields keeps the present keys in the given order', () => {
	expect(pickFields({ b: 2, a: 1, c: 3 }, ['a', 'b', 'z'])).toEqual({ a: 1, b: 2 });
});
