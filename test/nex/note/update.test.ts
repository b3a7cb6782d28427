import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('sends only the changed fields', async () => {
	const note = [...nex.sandbox.store.notes.values()][0];
	const id = note.id.toString();
	const run = await nex.runNex({ resource: 'note', operation: 'update', noteId: nex.rl('id', id), updateFields: { content: 'Updated text' } });
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path])).toEqual([['PATCH', `/api/developers/v1/notes/${id}`]]);
	expect(JSON.parse(run.requests[0].bodyText)).toEqual({ content: 'Updated text' });
	expect(run.items[0]).toMatchObject({ id, title: note.title, content: 'Updated text' });
});

test.each([
	[{}, 'Update Fields is empty'],
	[{ title: '' }, 'Title is empty'],
	[{ entityId: '12a' }, 'Record ID "12a" is not a valid id'],
])('invalid update %j is rejected before sending', async (updateFields, message) => {
	const id = [...nex.sandbox.store.notes.values()][0].id.toString();
	const run = await nex.runNex({ resource: 'note', operation: 'update', noteId: nex.rl('id', id), updateFields });
	expect(run.error?.message).toContain(message);
	expect(run.requests).toHaveLength(0);
});
