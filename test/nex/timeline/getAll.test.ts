import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
let recordId: string;
let eventIds: string[];

beforeAll(async () => {
	nex = await startNexTest();
	recordId = [...nex.sandbox.store.records.values()][0].id.toString();
	nex.sandbox.seed({ timeline: { recordId, count: 260 } });
	eventIds = (nex.sandbox.store.timeline.get(recordId) ?? []).map((event) => event.id.toString());
});
afterAll(async () => await nex.close());

const timelineRequests = (requests: { path: string; query: Record<string, string | string[]> }[]) =>
	requests.map((r) => [r.path, r.query.limit, r.query.cursor]);

test('Return All follows the cursor and returns each event exactly once, newest first', async () => {
	expect(eventIds.length).toBeGreaterThan(250);
	const run = await nex.runNex({ resource: 'timeline', operation: 'getAll', recordId: nex.rl('id', recordId), returnAll: true });
	expect(run.error).toBeUndefined();
	const path = `/api/developers/v1/records/${recordId}/timeline`;
	const requests = timelineRequests(run.requests);
	expect(requests.map(([p, limit]) => [p, limit])).toEqual([
		[path, '100'],
		[path, '100'],
		[path, '100'],
	]);
	expect(requests[0][2]).toBeUndefined();
	expect(requests[1][2]).toMatch(/^\d+$/);
	const ids = run.items.map((event) => String(event.id));
	expect(new Set(ids).size).toBe(ids.length);
	expect(ids).toEqual([...eventIds].reverse());
});

test('a Limit returns exactly that many, asking only for what is missing', async () => {
	const run = await nex.runNex({ resource: 'timeline', operation: 'getAll', recordId: nex.rl('id', recordId), limit: 150 });
	expect(timelineRequests(run.requests).map(([, limit]) => limit)).toEqual(['100', '50']);
	expect(run.items.map((event) => String(event.id))).toEqual([...eventIds].reverse().slice(0, 150));
});

test('an unknown record is a 404 naming the record', async () => {
	const run = await nex.runNex({ resource: 'timeline', operation: 'getAll', recordId: nex.rl('id', '32710180831599999'), limit: 5 });
	expect(run.error?.description).toContain('Nex API error 404');
	expect(run.error?.description).toContain('record was not found');
});

test('a record id that is not a number is rejected before sending', async () => {
	const run = await nex.runNex({ resource: 'timeline', operation: 'getAll', recordId: nex.rl('id', 'acme'), limit: 5 });
	expect(run.error?.message).toContain('Record ID must be digits only');
	expect(run.requests).toHaveLength(0);
});

test('a record id from an expression that is not a number is rejected before sending', async () => {
	const run = await nex.runNex({ resource: 'timeline', operation: 'getAll', recordId: nex.rl('id', '={{ "acme" }}'), limit: 5 });
	expect(run.error?.message).toContain('Record "acme" is not a valid id');
	expect(run.requests).toHaveLength(0);
});
