import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('gets a task by id, the id exact', async () => {
	const task = [...nex.sandbox.store.tasks.values()][0];
	const id = task.id.toString();
	const run = await nex.runNex({ resource: 'task', operation: 'get', taskId: nex.rl('id', id) });
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path])).toEqual([['GET', `/api/developers/v1/tasks/${id}`]]);
	expect(run.items).toEqual([expect.objectContaining({ id, title: task.title })]);
});

test('the id may come from an expression', async () => {
	const id = [...nex.sandbox.store.tasks.values()][1].id.toString();
	const run = await nex.runNex({ resource: 'task', operation: 'get', taskId: nex.rl('id', `={{ "${id}" }}`) });
	expect(run.requests[0].path).toBe(`/api/developers/v1/tasks/${id}`);
	expect(run.items[0].id).toBe(id);
});

test('an unknown task is a 404 that says what was not found', async () => {
	const run = await nex.runNex({ resource: 'task', operation: 'get', taskId: nex.rl('id', '32710180831599999') });
	expect(run.requests).toHaveLength(1);
	expect(run.error?.description).toContain('Nex API error 404');
	expect(run.error?.description).toContain('task was not found');
});

test.each([['  '], ['12/34']])('task id %j is rejected before sending', async (id) => {
	const run = await nex.runNex({ resource: 'task', operation: 'get', taskId: nex.rl('id', id) });
	expect(run.error?.message).toMatch(/^Task (is empty|"12\/34" is not a valid id)/);
	expect(run.requests).toHaveLength(0);
});
