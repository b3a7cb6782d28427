import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('gets a note by id', async () => {
	const note = [...nex.sandbox.store.notes.values()][0];
	const id = note.id.toString();
	const run = await nex.runNex({ resource: 'note', operation: 'get', noteId: nex.rl('id', id) });
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path])).toEqual([['GET', `/api/developers/v1/notes/${id}`]]);
	expect(run.items).toEqual([expect.objectContaining({ id, title: note.title })]);
});

test('an unknown note is a 404 naming the note', async () => {
	const run = await nex.runNex({ resource: 'note', operation: 'get', noteId: nex.rl('id', '32710180831599999') });
	expect(run.error?.description).toContain('Nex API error 404');
	expect(run.error?.description).toContain('note was not found');
});
