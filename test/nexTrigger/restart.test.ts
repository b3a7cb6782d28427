import type { IDataObject } from 'n8n-workflow';

import type { RunningTrigger } from '../harness/triggers';
import { contents, INSIGHTS_PATH, pause, startTriggerTest, until, type TriggerTest } from './helpers';

/**
 * An n8n restart on a busy workspace, with the host's own sequence: n8n saves the trigger's static
 * data after activation and at each emit only (never on shutdown), and the restarted trigger
 * starts from that. The gap is several pages long, page boundaries fall inside one creation
 * instant, and the API answers in either order with µs or ns times: each insight reaches the
 * workflow exactly once.
 */

let t: TriggerTest;
beforeAll(async () => {
	t = await startTriggerTest({ keepaliveIntervalMs: 150 });
});
afterAll(async () => await t.close());
beforeEach(() => t.sandbox.reset());
// A failed case must not leave its trigger connected for the next one.
afterEach(async () => await Promise.all(started.splice(0).map(async (trigger) => await trigger.close())));
const started: RunningTrigger[] = [];

const FAST = { options: { watchdogTimeout: 0.5, reconnectDelay: 0.02 } };

const READINGS = [
	{ insightsOrder: 'newest-first', timestampPrecision: 'us' },
	{ insightsOrder: 'oldest-first', timestampPrecision: 'us' },
	{ insightsOrder: 'newest-first', timestampPrecision: 'ns' },
	{ insightsOrder: 'oldest-first', timestampPrecision: 'ns' },
] as const;

test.each(READINGS)(
	'restart gap of 375 insights ($insightsOrder answers, times in $timestampPrecision): each insight once, in order',
	async (reading) => {
		const { sandbox } = t;
		sandbox.configure(reading);
		const expected: string[] = [];
		let next = 0;
		// One batch = one creation instant: batches of 3 put page boundaries (every 100) inside an instant.
		const emitBatch = (size: number) => {
			const partials = Array.from({ length: size }, () => ({ content: `restart insight ${String(next++).padStart(4, '0')}` }));
			for (const partial of partials) expected.push(partial.content);
			sandbox.emitInsightBatch(partials);
		};

		const first = await t.start(FAST);
		started.push(first);
		await until(() => sandbox.streamClientCount() === 1, 'the first connection');
		for (let i = 0; i < 10; i++) emitBatch(3);
		await until(() => first.executions.flat().length >= 30, 'the live insights');
		// n8n stops: closeFunction runs, the static data is not saved again.
		await first.close();
		await until(() => sandbox.streamClientCount() === 0, 'the server to see the disconnect');

		for (let i = 0; i < 100; i++) emitBatch(3);
		emitBatch(45); // 45 insights of one instant: a page boundary inside it whatever the order
		for (let i = 0; i < 10; i++) emitBatch(3);

		const saved = JSON.parse(JSON.stringify(first.savedStaticData)) as IDataObject;
		const second = await t.start(FAST, { staticData: saved });
		started.push(second);
		// On a timeout the comparison below shows what is missing.
		await until(() => second.executions.flat().length >= 375, 'the gap to be filled').catch(() => undefined);
		for (let i = 0; i < 5; i++) emitBatch(3);
		await until(() => second.executions.flat().length >= 390, 'new insights after the restart').catch(() => undefined);
		await pause(500);
		await second.close();

		expect([...contents(first.executions), ...contents(second.executions)]).toEqual(expected);
		expect(first.errors).toEqual([]);
		expect(second.errors).toEqual([]);
		// The gap was read from GET /v1/insights over several pages.
		const gapRequests = sandbox.requests.find(INSIGHTS_PATH, 'GET').filter((r) => r.path === INSIGHTS_PATH);
		expect(gapRequests.length).toBeGreaterThanOrEqual(4);
	},
	60_000,
);
