import type { IDataObject } from 'n8n-workflow';

import { contents, INSIGHTS_PATH, pause, startTriggerTest, STREAM_PATH, until, type TriggerTest } from './helpers';

/** A partial insight target as the sandbox accepts it (ids as strings, other fields filled in). */
const target = (fields: Record<string, string>) => fields as never;

/** Output modes, item contents, filters, replay, gap-fill answer shapes, the watchdog, bad parameters. */

let t: TriggerTest;
beforeAll(async () => {
	t = await startTriggerTest({ keepaliveIntervalMs: 100 });
});
afterAll(async () => await t.close());
beforeEach(() => t.sandbox.reset());

const FAST = { watchdogTimeout: 0.5, reconnectDelay: 0.01 };

async function connected(): Promise<void> {
	await until(() => t.sandbox.streamClientCount() === 1, 'the connection');
	await pause(50);
}

test('one execution per batch: items are the insights plus the batch workspace and emitted_at; ids exact', async () => {
	const trigger = await t.start({ options: FAST });
	await connected();
	const batch = t.sandbox.emitInsightBatch([
		{ content: 'A', target: target({ entity_type: 'person', entity_id: '9007199254740993123', hint: 'Jürgen' }) },
		{ content: 'B' },
	]);
	await trigger.waitForExecutions(1);
	await pause(100);
	expect(trigger.executions).toHaveLength(1);
	const [a, b] = trigger.executions[0].map((item) => item.json);
	expect(a.content).toBe('A');
	expect(b.content).toBe('B');
	expect((a.target as IDataObject).entity_id).toBe('9007199254740993123');
	expect(a.workspace).toEqual(batch.workspace);
	expect(a.emitted_at).toBe(batch.emitted_at);
	expect(a.event).toBe('insight.batch.created');
	expect(a.insight_count).toBeUndefined();
	await trigger.close();
});

test('one execution per insight', async () => {
	const trigger = await t.start({ outputMode: 'insight', options: FAST });
	await connected();
	t.sandbox.emitInsightBatch([{ content: 'A' }, { content: 'B' }, { content: 'C' }]);
	await trigger.waitForExecutions(3);
	expect(trigger.executions.map((execution) => execution.length)).toEqual([1, 1, 1]);
	expect(contents(trigger.executions)).toEqual(['A', 'B', 'C']);
	expect(trigger.executions[2][0].json.workspace).toBeTruthy();
	await trigger.close();
});

test('filters: insight types, minimum confidence, entity type', async () => {
	const trigger = await t.start({
		filters: { insightTypes: ['risk', 'opportunity'], minConfidence: 'high', entityTypes: 'Company, person' },
		options: FAST,
	});
	await connected();
	t.sandbox.emitInsightBatch([
		{ content: 'keep: risk, high, company', type: 'risk', confidence_level: 'high', target: target({ entity_type: 'company' }) },
		{ content: 'drop: milestone', type: 'milestone', confidence_level: 'very_high', target: target({ entity_type: 'company' }) },
		{ content: 'drop: medium', type: 'risk', confidence_level: 'medium', target: target({ entity_type: 'company' }) },
		{ content: 'drop: deal', type: 'opportunity', confidence_level: 'very_high', target: target({ entity_type: 'deal' }) },
		{ content: 'keep: opportunity, very high, person', type: 'opportunity', confidence_level: 'very_high', target: target({ entity_type: 'person' }) },
	]);
	t.sandbox.emitInsightBatch([{ content: 'drop: whole batch', type: 'activity' }]);
	await trigger.waitForExecutions(1);
	await pause(150);
	expect(contents(trigger.executions)).toEqual(['keep: risk, high, company', 'keep: opportunity, very high, person']);
	await trigger.close();
});

test.each(['per-insight', 'batch', 'simplified'] as const)(
	'replay on (%s replay format): each replayed insight is emitted once per workflow, not once per reconnect',
	async (replayFormat) => {
		const { sandbox } = t;
		sandbox.configure({ replayFormat });
		const recent = sandbox.store.insights.slice(-20).map((i) => i.content);
		const staticData = {};
		const trigger = await t.start({ includeReplay: true, options: FAST }, { staticData });
		await until(() => contents(trigger.executions).length >= 20, 'the replay');
		expect(contents(trigger.executions)).toEqual(recent);
		expect(trigger.executions[0][0].json.event).toBe('insight.replay');
		// Reconnect twice: the same 20 are replayed each time, and not emitted again.
		for (let i = 0; i < 2; i++) {
			const count = sandbox.requests.find(STREAM_PATH).length;
			sandbox.dropStreams();
			await until(() => sandbox.requests.find(STREAM_PATH).length > count && sandbox.streamClientCount() === 1, 'the reconnect');
		}
		sandbox.emitInsightBatch([{ content: 'new after reconnects' }]);
		await until(() => contents(trigger.executions).includes('new after reconnects'), 'the new insight');
		await pause(100);
		expect(contents(trigger.executions)).toEqual([...recent, 'new after reconnects']);
		await trigger.close();
		// Nor after a restart from the static data n8n saved.
		const again = await t.start({ includeReplay: true, options: FAST }, { staticData: JSON.parse(JSON.stringify(trigger.savedStaticData)) as IDataObject });
		await connected();
		await pause(200);
		expect(again.executions.flat()).toEqual([]);
		await again.close();
	},
);

test('replay off: the first activation emits nothing old, also not from a later gap fill', async () => {
	const { sandbox } = t;
	const staticData = {};
	const trigger = await t.start({ options: FAST }, { staticData });
	await connected();
	sandbox.dropStreams();
	await until(() => sandbox.requests.find(STREAM_PATH).length === 2 && sandbox.streamClientCount() === 1, 'the reconnect');
	await pause(100);
	// The reconnect did ask for the gap, but everything in it predates the activation.
	expect(sandbox.requests.entries.filter((r) => r.path === INSIGHTS_PATH)).toHaveLength(1);
	expect(trigger.executions).toEqual([]);
	await trigger.close();
});

test('first activation with Nex down, then a restart before it ever connected: what was created since the activation is emitted once', async () => {
	const { sandbox } = t;
	sandbox.emitInsightBatch([{ content: 'before the activation', created_at: new Date(Date.now() - 5_000).toISOString() }]);
	sandbox.faults.add({ kind: 'status', status: 503, count: 1_000, method: 'GET', pathIncludes: STREAM_PATH });
	const staticData = {};
	const first = await t.start({ options: FAST }, { staticData });
	await until(() => sandbox.requests.find(STREAM_PATH).length >= 2, 'failed connections');
	sandbox.emitInsightBatch([{ content: 'while Nex was down' }]);
	await first.close();
	expect(first.executions).toEqual([]);
	// n8n restarts with the static data it saved in the first run (at activation); Nex is back.
	sandbox.faults.clear();
	sandbox.emitInsightBatch([{ content: 'while n8n was down' }]);
	const restored = JSON.parse(JSON.stringify(first.savedStaticData)) as IDataObject;
	const again = await t.start({ options: FAST }, { staticData: restored });
	await until(() => contents(again.executions).includes('while n8n was down'), 'the gap fill');
	await connected();
	sandbox.emitInsightBatch([{ content: 'live' }]);
	await until(() => contents(again.executions).includes('live'), 'the live insight');
	await pause(100);
	expect(contents(again.executions)).toEqual(['while Nex was down', 'while n8n was down', 'live']);
	expect(restored).not.toHaveProperty('activatedAt');
	await again.close();
});

test('n8n restarted before the first insight: the static data n8n saved at activation still brings what was created while it was down', async () => {
	const { sandbox } = t;
	sandbox.emitInsightBatch([{ content: 'before the activation', created_at: new Date(Date.now() - 5_000).toISOString() }]);
	const staticData = {};
	const first = await t.start({ options: FAST }, { staticData });
	await connected();
	await first.close();
	// n8n saves a trigger's static data after activating it and on each emit; nothing was emitted here.
	const savedAtActivation = JSON.parse(JSON.stringify(first.savedStaticData)) as IDataObject;
	sandbox.emitInsightBatch([{ content: 'while n8n was down' }]);
	const again = await t.start({ options: FAST }, { staticData: savedAtActivation });
	await until(() => contents(again.executions).includes('while n8n was down'), 'the gap fill');
	await pause(200);
	expect(contents(again.executions)).toEqual(['while n8n was down']);
	await again.close();
});

test.each(['spec', 'envelope', 'array'] as const)('gap fill reads the %s shape of GET /v1/insights', async (insightsRestShape) => {
	const { sandbox } = t;
	sandbox.configure({ insightsRestShape });
	const staticData = {};
	const trigger = await t.start({ options: FAST }, { staticData });
	await connected();
	sandbox.emitInsightBatch([{ content: 'live 1' }]);
	await trigger.waitForExecutions(1);
	await trigger.close();
	await until(() => sandbox.streamClientCount() === 0, 'the disconnect');
	sandbox.emitInsightBatch([{ content: 'missed 1', target: target({ entity_type: 'person', entity_id: '9007199254740993123', hint: 'X' }) }]);
	sandbox.emitInsightBatch([{ content: 'missed 2' }]);
	const again = await t.start({ options: FAST }, { staticData });
	await until(() => contents(again.executions).length >= 2, 'the gap fill');
	await pause(100);
	expect(contents(again.executions)).toEqual(['missed 1', 'missed 2']);
	const item = again.executions[0][0].json;
	expect(item.event).toBe('gap_fill');
	expect(item.workspace).toEqual(sandbox.store.workspace);
	expect((item.target as IDataObject).entity_id).toBe('9007199254740993123');
	expect(typeof item.emitted_at).toBe('string');
	await again.close();
});

test('the watchdog reconnects a silent stream (no keepalives) and the gap is filled', async () => {
	const { sandbox } = t;
	sandbox.configure({ keepaliveIntervalMs: 0 });
	const trigger = await t.start({ options: { watchdogTimeout: 0.3, reconnectDelay: 0.01 } }, { staticData: {} });
	await connected();
	await until(() => sandbox.requests.find(STREAM_PATH).length >= 3, 'two watchdog reconnects', 5000);
	sandbox.emitInsightBatch([{ content: 'after silence' }]);
	await until(() => contents(trigger.executions).length >= 1, 'the insight');
	await pause(400);
	expect(contents(trigger.executions)).toEqual(['after silence']);
	await trigger.close();
});

test('an invalid watchdog value is a parameter error naming the field; nothing is sent', async () => {
	await expect(t.start({ options: { watchdogTimeout: 0 } })).rejects.toThrow(/Watchdog Timeout/);
	await expect(t.start({ filters: { insightTypes: ['gossip'] } })).rejects.toThrow(/Insight Types/);
	expect(t.sandbox.requests.entries).toEqual([]);
});
