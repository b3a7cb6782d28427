import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
	nex.sandbox.seed({ insights: 120 });
});
afterAll(async () => await nex.close());
afterEach(() => nex.sandbox.configure({ insightsRestShape: 'spec' }));

const newest = (count: number) => nex.sandbox.store.insights.slice(-count).reverse();

test.each([['spec' as const], ['envelope' as const], ['array' as const]])(
	'reads the %s answer shape into one simplified item per insight',
	async (shape) => {
		nex.sandbox.configure({ insightsRestShape: shape });
		const run = await nex.runNex({ resource: 'insight', operation: 'getAll', limit: 5 });
		expect(run.error).toBeUndefined();
		expect(run.requests.map((r) => [r.method, r.path, r.rawQuery])).toEqual([['GET', '/api/developers/v1/insights', 'limit=5']]);
		expect(run.items).toHaveLength(5);
		const expected = newest(5);
		run.items.forEach((item, index) => {
			const insight = expected[index];
			expect(item).toMatchObject({ type: insight.type, content: insight.content, created_at: insight.created_at });
			if (insight.target.entity_id !== undefined) expect(item.entity_id).toBe(insight.target.entity_id.toString());
			// The stream envelope carries no insight id; the other two shapes do.
			if (shape !== 'envelope') expect(item.id).toBe(insight.id.toString());
			expect(Object.keys(item)).not.toContain('evidence');
		});
	},
);

test('Simplify off returns the insights as Nex sent them', async () => {
	const run = await nex.runNex({ resource: 'insight', operation: 'getAll', limit: 2, simplify: false });
	expect(run.items).toHaveLength(2);
	expect(run.items[0]).toHaveProperty('evidence');
	expect(run.items[0]).toHaveProperty('workspace_id');
});

test('Return All asks for the maximum Nex answers (100)', async () => {
	const run = await nex.runNex({ resource: 'insight', operation: 'getAll', returnAll: true });
	expect(run.requests[0].query).toEqual({ limit: '100' });
	expect(run.items).toHaveLength(100);
	expect(new Set(run.items.map((item) => item.id)).size).toBe(100);
});

test('the time filters go to the query string', async () => {
	const window = await nex.runNex({ resource: 'insight', operation: 'getAll', limit: 10, filters: { last: '2h' } });
	expect(window.error).toBeUndefined();
	expect(window.requests[0].query).toEqual({ limit: '10', last: '2h' });

	const range = await nex.runNex({
		resource: 'insight',
		operation: 'getAll',
		limit: 10,
		filters: { from: '2026-01-01T00:00:00Z', to: '2026-12-31T23:59:59Z' },
	});
	expect(range.error).toBeUndefined();
	expect(range.requests[0].query).toEqual({ limit: '10', from: '2026-01-01T00:00:00.000Z', to: '2026-12-31T23:59:59.000Z' });
});

test.each([
	[{ limit: 500 }, 'Limit must be a whole number between 1 and 100'],
	[{ limit: 5, filters: { last: 'two hours' } }, 'Time Window "two hours" is not a valid duration'],
	[{ limit: 5, filters: { from: 'yesterday' } }, 'From "yesterday" is not a valid date'],
	[{ limit: 5, filters: { last: '1h', from: '2026-01-01T00:00:00Z' } }, 'Time Window cannot be combined with From or To'],
])('invalid input %j is rejected before sending', async (parameters, message) => {
	const run = await nex.runNex({ resource: 'insight', operation: 'getAll', ...parameters });
	expect(run.error?.message).toContain(message);
	expect(run.requests).toHaveLength(0);
});

test('a key without insight.stream gets a 403 that names the scope', async () => {
	const run = await nex.runNex({ resource: 'insight', operation: 'getAll', limit: 5 }, { key: 'noInsight' });
	expect(run.error?.description).toContain('insight.stream');
});
