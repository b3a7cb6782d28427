import type { IDataObject } from 'n8n-workflow';

import { countById, startRecordTriggerTest, TASKS_PATH, type RecordTriggerTest } from './helpers';

/** Tasks created / completed through n8n's poll driver against the Nex sandbox. */

let t: RecordTriggerTest;
beforeAll(async () => {
	t = await startRecordTriggerTest();
});
afterAll(async () => await t?.close());
beforeEach(() => t.sandbox.reset());

const watchTasks = (taskEvents: string[], assigneeId = '') => t.node({ resource: 'task', taskEvents, assigneeId });
const fired = (items: IDataObject[]) => items.map((item) => [(item.task as IDataObject).id, item.event]);

test('first activation emits nothing; created then completed tasks each fire once; a reopened task completed again fires again', async () => {
	const node = watchTasks(['taskCreated', 'taskCompleted']);
	const staticData: IDataObject = {};
	const existing = t.createTask('Before activation', Date.now() - 5000);
	expect((await t.poll(node, staticData)).empty).toBe(true);

	const base = Date.now();
	const created = t.createTask('Call Alice', base + 1000);
	t.setCompleted(existing, true, base + 2000);
	expect(fired((await t.poll(node, staticData)).items)).toEqual([
		[created, 'taskCreated'],
		[existing, 'taskCompleted'],
	]);
	expect((await t.poll(node, staticData)).empty).toBe(true);

	t.setCompleted(existing, false, base + 3000);
	expect((await t.poll(node, staticData)).empty).toBe(true);
	t.setCompleted(existing, true, base + 4000);
	expect(fired((await t.poll(node, staticData)).items)).toEqual([[existing, 'taskCompleted']]);
});

test('completions only: reads completed tasks alone; an idle poll is one request while under 500 tasks', async () => {
	const node = watchTasks(['taskCompleted']);
	const staticData: IDataObject = {};
	await t.poll(node, staticData);
	const task = t.createTask('Send the quote', Date.now());
	const idle = await t.poll(node, staticData);
	expect(idle.empty).toBe(true);
	expect(idle.requests.map((request) => [request.path, request.query])).toEqual([[TASKS_PATH, { is_completed: 'true', limit: '500', offset: '0' }]]);
	t.setCompleted(task, true, Date.now() + 1000);
	expect(fired((await t.poll(node, staticData)).items)).toEqual([[task, 'taskCompleted']]);
});

test('assignee filter: only tasks assigned to that user fire, and Nex is asked for them alone', async () => {
	const node = watchTasks(['taskCreated'], '50');
	const staticData: IDataObject = {};
	await t.poll(node, staticData);
	const mine = t.createTask('Mine', Date.now() + 1000, ['50']);
	t.createTask('Someone else', Date.now() + 1000, ['51']);
	const run = await t.poll(node, staticData);
	expect(fired(run.items)).toEqual([[mine, 'taskCreated']]);
	expect(run.requests[0].query).toMatchObject({ assignee_id: '50' });
	const error = await t.failingPoll(watchTasks(['taskCreated'], 'alice@example.com'), {});
	expect(error.message).toContain('Assignee ID');
});

test('600 tasks created at one instant span two pages; each fires once, also after a restart from JSON and a failed page 2', async () => {
	const node = watchTasks(['taskCreated']);
	let staticData: IDataObject = {};
	await t.poll(node, staticData);
	const at = Date.now() + 1000;
	const ids = Array.from({ length: 600 }, (_, i) => t.createTask(`Burst ${i}`, at));
	const before = JSON.stringify(staticData);
	t.sandbox.faults.add({ kind: 'status', status: 500, pathIncludes: '/v1/tasks', skip: 1 });
	const failed = await t.failingPoll(node, staticData);
	expect(`${failed.message} ${(failed as { description?: string }).description ?? ''}`).toContain('500');
	expect(JSON.stringify(staticData)).toBe(before);
	staticData = JSON.parse(before) as IDataObject;
	const run = await t.poll(node, staticData);
	expect(run.items).toHaveLength(600);
	expect([...countById(run.items).keys()].sort()).toEqual([...ids].sort());
	const late = t.createTask('Same instant, later', at);
	expect(fired((await t.poll(node, JSON.parse(JSON.stringify(staticData)) as IDataObject)).items)).toEqual([[late, 'taskCreated']]);
});
