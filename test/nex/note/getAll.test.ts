import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
	nex.sandbox.seed({ notes: 250 });
});
afterAll(async () => await nex.close());

test('Return All gives the 200 newest notes Nex answers, in one request', async () => {
	const run = await nex.runNex({ resource: 'note', operation: 'getAll', returnAll: true });
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path, r.rawQuery])).toEqual([['GET', '/api/developers/v1/notes', '']]);
	expect(run.items).toHaveLength(200);
	expect(new Set(run.items.map((note) => note.id)).size).toBe(200);
	const newest = [...nex.sandbox.store.notes.values()].slice(-200).map((note) => note.id.toString()).reverse();
	expect(run.items.map((note) => note.id)).toEqual(newest);
});

test('a Limit returns exactly that many', async () => {
	const run = await nex.runNex({ resource: 'note', operation: 'getAll', limit: 7 });
	expect(run.requests).toHaveLength(1);
	expect(run.items).toHaveLength(7);
});

test('the record filter goes to the query string', async () => {
	const note = [...nex.sandbox.store.notes.values()].find((n) => n.entityId)!;
	const run = await nex.runNex({ resource: 'note', operation: 'getAll', returnAll: true, filters: { entityId: note.entityId } });
	expect(run.requests[0].query).toEqual({ entity_id: note.entityId });
	expect(run.items.length).toBeGreaterThan(0);
	for (const item of run.items) expect(item.entity_id).toBe(note.entityId);
});

test('a Limit above the 200 notes Nex answers is refused naming Limit, nothing sent', async () => {
	const run = await nex.runNex({ resource: 'note', operation: 'getAll', limit: 201 });
	expect(run.requests).toEqual([]);
	expect(run.error?.message).toMatch(/^Limit must be a whole number between 1 and 200/);
});
