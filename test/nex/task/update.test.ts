import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('sends only the fields given and returns the updated task', async () => {
	const task = [...nex.sandbox.store.tasks.values()][0];
	const id = task.id.toString();
	const record = [...nex.sandbox.store.records.values()][3].id.toString();
	const run = await nex.runNex({
		resource: 'task',
		operation: 'update',
		taskId: nex.rl('id', id),
		updateFields: { title: 'Renamed', isCompleted: true, priority: 'urgent', entityIds: record, description: '' },
	});
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path])).toEqual([['PATCH', `/api/developers/v1/tasks/${id}`]]);
	expect(JSON.parse(run.requests[0].bodyText)).toEqual({
		title: 'Renamed',
		is_completed: true,
		priority: 'urgent',
		entity_ids: [record],
		description: '',
	});
	expect(run.items[0]).toMatchObject({ id, title: 'Renamed', is_completed: true, priority: 'urgent', entity_ids: [record] });
	expect(task.title).toBe('Renamed');
});

test('an empty Record IDs field removes every link', async () => {
	const id = [...nex.sandbox.store.tasks.values()][1].id.toString();
	const run = await nex.runNex({ resource: 'task', operation: 'update', taskId: nex.rl('id', id), updateFields: { entityIds: '' } });
	expect(JSON.parse(run.requests[0].bodyText)).toEqual({ entity_ids: [] });
	expect(run.items[0].entity_ids).toEqual([]);
});

test.each([
	[{}, 'Update Fields is empty'],
	[{ title: ' ' }, 'Title is empty'],
	[{ dueDate: '2026-13-45' }, 'Due Date "2026-13-45" is not a valid date'],
])('invalid update %j is rejected before sending', async (updateFields, message) => {
	const id = [...nex.sandbox.store.tasks.values()][0].id.toString();
	const run = await nex.runNex({ resource: 'task', operation: 'update', taskId: nex.rl('id', id), updateFields });
	expect(run.error?.message).toContain(message);
	expect(run.requests).toHaveLength(0);
});
