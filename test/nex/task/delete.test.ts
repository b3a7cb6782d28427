import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('archives the task and says which one was deleted', async () => {
	const task = [...nex.sandbox.store.tasks.values()][0];
	const id = task.id.toString();
	const run = await nex.runNex({ resource: 'task', operation: 'delete', taskId: nex.rl('id', id) });
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path, r.status])).toEqual([['DELETE', `/api/developers/v1/tasks/${id}`, 200]]);
	expect(run.items).toEqual([{ id, deleted: true }]);
	expect(task.archivedAt).toBeDefined();
});

test('an empty id is rejected before sending', async () => {
	const run = await nex.runNex({ resource: 'task', operation: 'delete', taskId: nex.rl('id', '  ') });
	expect(run.error?.message).toContain('Task is empty');
	expect(run.requests).toHaveLength(0);
});
