import type { IDataObject } from 'n8n-workflow';

import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** Record → Create or Update: `PUT /v1/objects/{slug}` with `{matching_attribute, attributes}`. */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

const upsert = (attributesJson: string, extra: IDataObject = {}) => ({
	resource: 'record',
	operation: 'upsert',
	objectType: nex.rl('id', 'person'),
	matchingAttribute: 'email_addresses',
	attributesInput: 'json',
	attributesJson,
	...extra,
});

test('creates the record when no record matches, then updates the same record', async () => {
	const first = await nex.runNex(upsert('{"name": "Jane Smith", "email_addresses": ["jane@example.com"], "job_title": "Engineer"}'));
	expect(first.error).toBeUndefined();
	const created = onlyRequest(first);
	expect(created.method).toBe('PUT');
	expect(apiPath(created)).toBe('/v1/objects/person');
	expect(created.body).toEqual({
		matching_attribute: 'email_addresses',
		attributes: { name: 'Jane Smith', email_addresses: ['jane@example.com'], job_title: 'Engineer' },
	});
	const id = first.items[0].id as string;
	expect(first.items[0]).toEqual(expect.objectContaining({ name: 'Jane Smith', job_title: 'Engineer' }));

	const second = await nex.runNex(
		upsert('', {
			attributesInput: 'keyValue',
			attributes: {
				attribute: [
					{ key: 'email_addresses', value: 'jane@example.com' },
					{ key: 'name', value: 'Jane Smith' },
					{ key: 'job_title', value: 'Staff Engineer' },
				],
			},
		}),
	);
	expect(second.error).toBeUndefined();
	expect(onlyRequest(second).body).toEqual({
		matching_attribute: 'email_addresses',
		attributes: { email_addresses: 'jane@example.com', name: 'Jane Smith', job_title: 'Staff Engineer' },
	});
	expect(second.items[0].id).toBe(id);
	expect(second.items[0].job_title).toBe('Staff Engineer');
	expect(nex.sandbox.store.records.get(id)?.attributes.job_title).toBe('Staff Engineer');
});

test('an empty matching attribute is refused before anything is sent', async () => {
	expectInputError(await nex.runNex(upsert('{"name": "A"}', { matchingAttribute: '={{ "" }}' })), /Matching Attribute is empty/);
});

test('bad JSON attributes are refused before anything is sent', async () => {
	expectInputError(await nex.runNex(upsert('{name: "A"}')), /Attributes \(JSON\) is not valid JSON/);
});

test("a matching attribute missing from the attributes gets Nex's 400 message", async () => {
	const run = await nex.runNex(upsert('{"name": "No Email"}'));
	expect(run.error?.message).toMatch(/matching attribute/);
	expect(run.error?.message).not.toMatch(/Nex API error/);
	expect(run.error?.description).toMatch(/^Nex API error 400: .*matching attribute/);
	expect(onlyRequest(run).status).toBe(400);
});

test('a read-only key gets a 403 that names record.write', async () => {
	const run = await nex.runNex(upsert('{"name": "A", "email_addresses": ["a@example.com"]}'), { key: 'readOnly' });
	expect(run.error?.description).toMatch(/"record\.write" scope/);
	expect(onlyRequest(run).status).toBe(403);
});
