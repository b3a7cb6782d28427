import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('archives the note and says which one was deleted', async () => {
	const note = [...nex.sandbox.store.notes.values()][0];
	const id = note.id.toString();
	const run = await nex.runNex({ resource: 'note', operation: 'delete', noteId: nex.rl('id', id) });
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path, r.status])).toEqual([['DELETE', `/api/developers/v1/notes/${id}`, 200]]);
	expect(run.items).toEqual([{ id, deleted: true }]);
	expect(note.archivedAt).toBeDefined();
});
