import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('creates a note linked to a record', async () => {
	const record = [...nex.sandbox.store.records.values()][0].id.toString();
	const run = await nex.runNex({
		resource: 'note',
		operation: 'create',
		title: 'Meeting notes',
		additionalFields: { content: 'Discussed the roadmap', entityId: record },
	});
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path])).toEqual([['POST', '/api/developers/v1/notes']]);
	expect(JSON.parse(run.requests[0].bodyText)).toEqual({ title: 'Meeting notes', content: 'Discussed the roadmap', entity_id: record });
	expect(run.items).toHaveLength(1);
	expect(run.items[0]).toMatchObject({ title: 'Meeting notes', content: 'Discussed the roadmap', entity_id: record });
	expect(nex.sandbox.store.notes.has(String(run.items[0].id))).toBe(true);
});

test.each([
	[{ title: '' }, 'Parameter "Title" is required'],
	[{ title: '  ' }, 'Title is empty'],
	[{ title: 'x', additionalFields: { entityId: 'acme-corp' } }, 'Record ID "acme-corp" is not a valid id'],
])('invalid input %j is rejected before sending', async (parameters, message) => {
	const run = await nex.runNex({ resource: 'note', operation: 'create', ...parameters });
	expect(run.error?.message).toContain(message);
	expect(run.requests).toHaveLength(0);
});

test('a key without note.write gets a 403 that names the scope', async () => {
	const run = await nex.runNex({ resource: 'note', operation: 'create', title: 'x' }, { key: 'readOnly' });
	expect(run.error?.description).toContain('note.write');
});
