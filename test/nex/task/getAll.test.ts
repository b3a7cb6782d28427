import type { LoggedRequest } from '../../sandbox/shared/requestLog';
import { askedPages, expectOnePageAskedAgain, offsetPlan, startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
let openTaskIds: string[];

beforeAll(async () => {
	nex = await startNexTest();
	nex.sandbox.seed({ tasks: 1234 });
	openTaskIds = [...nex.sandbox.store.tasks.values()].filter((task) => !task.archivedAt).map((task) => task.id.toString());
});
afterAll(async () => await nex.close());
afterEach(() => nex.sandbox.faults.clear());

const pages = (requests: LoggedRequest[]) => askedPages(requests.filter((r) => r.path.endsWith('/v1/tasks')));
const statuses = (requests: LoggedRequest[]) => requests.map((r) => r.status).sort();

function expectEveryTaskOnce(items: Array<{ id?: unknown }>): void {
	const ids = items.map((item) => String(item.id));
	expect(new Set(ids).size).toBe(ids.length);
	expect(ids.sort()).toEqual([...openTaskIds].sort());
}

test('Return All reads every page of 500 and returns each task exactly once', async () => {
	expect(openTaskIds.length).toBeGreaterThan(1200);
	const run = await nex.runNex({ resource: 'task', operation: 'getAll', returnAll: true });
	expect(run.error).toBeUndefined();
	expect(pages(run.requests)).toEqual([
		[500, 0],
		[500, 499],
		[500, 998],
	]);
	expectEveryTaskOnce(run.items);
});

test('a Limit returns exactly that many, asking only for what is missing', async () => {
	const run = await nex.runNex({ resource: 'task', operation: 'getAll', returnAll: false, limit: 750 });
	expect(pages(run.requests)).toEqual([
		[500, 0],
		[251, 499],
	]);
	expect(run.items).toHaveLength(750);
	expect(new Set(run.items.map((item) => item.id)).size).toBe(750);
});

test('filters go to the query string', async () => {
	const record = [...nex.sandbox.store.records.values()][0].id.toString();
	const run = await nex.runNex({
		resource: 'task',
		operation: 'getAll',
		limit: 5,
		filters: { search: 'proposal', isCompleted: false, entityId: record, assigneeId: '32414268188027649' },
	});
	expect(run.error).toBeUndefined();
	expect(run.requests[0].query).toEqual({
		search: 'proposal',
		is_completed: 'false',
		entity_id: record,
		assignee_id: '32414268188027649',
		limit: '5',
		offset: '0',
	});
	for (const task of run.items) {
		expect(String(task.title).toLowerCase()).toContain('proposal');
		expect(task.is_completed).toBe(false);
	}
});

test('an invalid record filter is rejected before sending', async () => {
	const run = await nex.runNex({ resource: 'task', operation: 'getAll', limit: 5, filters: { entityId: 'acme' } });
	expect(run.error?.message).toContain('Record ID "acme" is not a valid id');
	expect(run.requests).toHaveLength(0);
});

describe('faults during Return All: every task once, or a clear error', () => {
	test('429 with Retry-After on the second page: waits, retries that page', async () => {
		nex.sandbox.faults.add({ kind: 'status', status: 429, retryAfter: 1, pathIncludes: '/v1/tasks', skip: 1 });
		const started = Date.now();
		const run = await nex.runNex({ resource: 'task', operation: 'getAll', returnAll: true });
		expect(run.error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		expect(statuses(run.requests)).toEqual([200, 200, 200, 429]);
		expectOnePageAskedAgain(run.requests, offsetPlan(openTaskIds.length, 500));
		expectEveryTaskOnce(run.items);
	});

	test('429 without Retry-After: backs off and retries', async () => {
		nex.sandbox.faults.add({ kind: 'status', status: 429, pathIncludes: '/v1/tasks', skip: 2 });
		const run = await nex.runNex({ resource: 'task', operation: 'getAll', returnAll: true });
		expect(run.error).toBeUndefined();
		expect(statuses(run.requests)).toEqual([200, 200, 200, 429]);
		expectEveryTaskOnce(run.items);
	});

	test('503 on a page: retried', async () => {
		nex.sandbox.faults.add({ kind: 'status', status: 503, pathIncludes: '/v1/tasks', skip: 1 });
		const run = await nex.runNex({ resource: 'task', operation: 'getAll', returnAll: true });
		expect(run.error).toBeUndefined();
		expect(statuses(run.requests)).toEqual([200, 200, 200, 503]);
		expectEveryTaskOnce(run.items);
	});

	test('connection reset in the middle of a body: the page is read again', async () => {
		nex.sandbox.faults.add({ kind: 'reset', pathIncludes: '/v1/tasks', skip: 1 });
		const run = await nex.runNex({ resource: 'task', operation: 'getAll', returnAll: true });
		expect(run.error).toBeUndefined();
		expectOnePageAskedAgain(run.requests, offsetPlan(openTaskIds.length, 500));
		expectEveryTaskOnce(run.items);
	});

	test('a truncated JSON body: the page is read again', async () => {
		nex.sandbox.faults.add({ kind: 'truncate', pathIncludes: '/v1/tasks', skip: 2 });
		const run = await nex.runNex({ resource: 'task', operation: 'getAll', returnAll: true });
		expect(run.error).toBeUndefined();
		expectOnePageAskedAgain(run.requests, offsetPlan(openTaskIds.length, 500));
		expectEveryTaskOnce(run.items);
	});

	test('a page that keeps failing ends in an error, never in a partial list', async () => {
		nex.sandbox.faults.add({ kind: 'status', status: 503, pathIncludes: '/v1/tasks', skip: 1, count: 10 });
		const run = await nex.runNex({ resource: 'task', operation: 'getAll', returnAll: true, requestOptions: { maxRetries: 1 } });
		expect(run.items).toHaveLength(0);
		expect(run.error?.description).toContain('Nex API error 503');
		expect(run.error?.description).toContain('after 2 attempts');
		// Two attempts of the page that failed; the other page in flight beside it had its own.
		expect(run.requests.filter((r) => r.status === 503).length).toBeGreaterThanOrEqual(2);
		expect(run.requests.length).toBeLessThanOrEqual(5);
	});

	test('a body that keeps arriving truncated ends in an error, never in a partial list', async () => {
		nex.sandbox.faults.add({ kind: 'truncate', pathIncludes: '/v1/tasks', skip: 2, count: 10 });
		const run = await nex.runNex({ resource: 'task', operation: 'getAll', returnAll: true, requestOptions: { maxRetries: 1 } });
		expect(run.items).toHaveLength(0);
		expect(run.error?.message).toContain('incomplete answer');
	});
});
