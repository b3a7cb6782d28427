import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

const people = () => [...nex.sandbox.store.records.values()].slice(0, 2).map((record) => record.id.toString());

test('creates a task with every field and returns it with its exact id', async () => {
	const [first, second] = people();
	const run = await nex.runNex({
		resource: 'task',
		operation: 'create',
		title: 'Follow up with Acme',
		additionalFields: {
			description: 'Send the proposal',
			priority: 'high',
			dueDate: '2026-03-01T09:00:00Z',
			entityIds: `${first}, ${second}`,
			assigneeIds: '32414268188027649',
		},
	});
	expect(run.error).toBeUndefined();
	expect(run.requests).toHaveLength(1);
	expect(run.requests[0].method).toBe('POST');
	expect(run.requests[0].path).toBe('/api/developers/v1/tasks');
	expect(JSON.parse(run.requests[0].bodyText)).toEqual({
		title: 'Follow up with Acme',
		description: 'Send the proposal',
		priority: 'high',
		due_date: '2026-03-01T09:00:00.000Z',
		entity_ids: [first, second],
		assignee_ids: ['32414268188027649'],
	});
	expect(run.items).toHaveLength(1);
	const task = run.items[0];
	expect(typeof task.id).toBe('string');
	expect(nex.sandbox.store.tasks.has(String(task.id))).toBe(true);
	expect(task).toMatchObject({ title: 'Follow up with Acme', priority: 'high', entity_ids: [first, second] });
});

test('a title alone is enough: only the title is sent', async () => {
	const run = await nex.runNex({ resource: 'task', operation: 'create', title: 'Call back' });
	expect(run.error).toBeUndefined();
	expect(JSON.parse(run.requests[0].bodyText)).toEqual({ title: 'Call back' });
	expect(run.items[0]).toMatchObject({ title: 'Call back', priority: 'unspecified', is_completed: false });
});

test.each([
	[{ title: '   ' }, 'Title is empty'],
	[{ title: 'x', additionalFields: { entityIds: '123, abc' } }, 'Record IDs contains "abc"'],
	[{ title: 'x', additionalFields: { assigneeIds: 'someone' } }, 'Assignee User IDs contains "someone"'],
	[{ title: 'x', additionalFields: { dueDate: 'next tuesday' } }, 'Due Date "next tuesday" is not a valid date'],
])('invalid input %j stops with an error naming the field and sends nothing', async (parameters, message) => {
	const run = await nex.runNex({ resource: 'task', operation: 'create', ...parameters });
	expect(run.error?.message).toContain(message);
	expect(run.error?.description).toBeTruthy();
	expect(run.requests).toHaveLength(0);
	expect(run.items).toHaveLength(0);
});

test('a key without task.write gets a 403 that names the scope', async () => {
	const run = await nex.runNex({ resource: 'task', operation: 'create', title: 'Nope' }, { key: 'readOnly' });
	expect(run.requests).toHaveLength(1);
	expect(run.error?.description).toContain('Nex API error 403');
	expect(run.error?.description).toContain('task.write');
});
