import { types } from 'node:util';
import type { IDataObject } from 'n8n-workflow';

import { contents, INSIGHTS_PATH, pause, startTriggerTest, STREAM_PATH, until, type TriggerTest } from './helpers';

/**
 * The live stream through n8n's engine against the Nex sandbox: every insight reaches the
 * workflow exactly once and in order while the connection drops, stalls and is reopened.
 */

let t: TriggerTest;
beforeAll(async () => {
	// Keepalives every 150 ms keep a healthy connection inside the 500 ms watchdog.
	t = await startTriggerTest({ keepaliveIntervalMs: 150 });
});
afterAll(async () => await t.close());
beforeEach(() => t.sandbox.reset());

const FAST = { options: { watchdogTimeout: 0.5, reconnectDelay: 0.02 } };

test('2,000 insights while the stream drops every 50 events and once stalls past the watchdog: each arrives exactly once, in order', async () => {
	const { sandbox } = t;
	// The 4th connection stalls (no headers, no data) for 3 s: only the 500 ms watchdog gets the trigger out.
	sandbox.faults.add({ kind: 'stall', stallMs: 3000, pathIncludes: STREAM_PATH, skip: 3 });
	// Every connection ends after 50 events (the replayed ones count too).
	sandbox.faults.add({ kind: 'drop-stream', afterEvents: 50, count: 10_000, pathIncludes: STREAM_PATH });
	const trigger = await t.start(FAST);
	await until(() => sandbox.streamClientCount() === 1, 'the first connection');

	const expected: string[] = [];
	for (let i = 0; i < 2000; i++) {
		const content = `insight ${String(i).padStart(4, '0')} — „ü“ 🚀`;
		expected.push(content);
		sandbox.emitInsightBatch([{ content, type: 'opportunity' }]);
		// Let the stream flow, drop and reconnect while insights keep coming.
		if (i % 4 === 3) await pause(4);
	}
	await until(() => trigger.executions.flat().length >= expected.length, '2,000 insights', 60_000);
	// Nothing more trickles in later (no duplicates from late gap fills or replays).
	await pause(700);
	await trigger.close();

	expect(trigger.errors).toEqual([]);
	expect(contents(trigger.executions)).toEqual(expected);
	const streamRequests = sandbox.requests.find(STREAM_PATH);
	expect(streamRequests.filter((r) => r.fault === 'drop-stream').length).toBeGreaterThan(20);
	// Both paths carried insights: the live stream and the gap fills after reconnects.
	const byEvent = (event: string) => trigger.executions.flat().filter((item) => item.json.event === event).length;
	expect(byEvent('insight.batch.created')).toBeGreaterThan(500);
	expect(byEvent('gap_fill')).toBeGreaterThan(0);
	expect(streamRequests.filter((r) => r.fault === 'stall')).toHaveLength(1);
	// Reconnects filled their gaps from the REST API, starting at the newest emission seen (minus the overlap).
	const gapFills = sandbox.requests.find(INSIGHTS_PATH, 'GET').filter((r) => r.path === INSIGHTS_PATH);
	expect(gapFills.length).toBeGreaterThan(10);
	for (const request of gapFills) {
		expect(request.query.from).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		expect(request.query.limit).toBe('100');
		expect(request.headers.authorization).toBe(`Bearer ${sandbox.keys.full}`);
	}
	// Every stream request asked for an event stream with the credential's key.
	for (const request of streamRequests) {
		expect(request.headers.accept).toBe('text/event-stream');
		expect(request.headers.authorization).toBe(`Bearer ${sandbox.keys.full}`);
	}
}, 90_000);

test('restart with the same static data: insights emitted while the trigger was closed are filled in, none repeated', async () => {
	const { sandbox } = t;
	const staticData = {};
	const first = await t.start(FAST, { staticData });
	await until(() => sandbox.streamClientCount() === 1, 'the first connection');
	// Old insights (the demo workspace's) are not emitted on first activation.
	const expected: string[] = [];
	const emit = (from: number, count: number) => {
		for (let i = from; i < from + count; i++) {
			expected.push(`restart insight ${i}`);
			sandbox.emitInsightBatch([{ content: `restart insight ${i}` }]);
		}
	};
	emit(0, 40);
	await until(() => first.executions.flat().length >= 40, 'the first 40');
	await first.close();
	await until(() => sandbox.streamClientCount() === 0, 'the server to see the disconnect');

	emit(40, 160); // while closed: more than one page of the gap fill
	// As n8n does after a restart: the static data comes back from the database as plain JSON,
	// as n8n last saved it (at the last emit; closing saves nothing).
	const second = await t.start(FAST, { staticData: JSON.parse(JSON.stringify(first.savedStaticData)) as IDataObject });
	await until(() => second.executions.flat().length >= 160, 'the gap to be filled');
	emit(200, 30);
	await until(() => second.executions.flat().length >= 190, 'new insights after the restart');
	await pause(300);
	await second.close();

	expect([...contents(first.executions), ...contents(second.executions)]).toEqual(expected);
	// The gap came from GET /v1/insights (paged: 160 > 100), not from the stream's replay.
	expect(second.executions[0].every((item) => item.json.event === 'gap_fill')).toBe(true);
	// Nothing of the trigger's memory (an observable proxy in static data) leaks into items:
	// n8n 2.x's expression engine cannot read proxies.
	expect(proxiesIn(second.executions)).toEqual([]);
	const gapRequests = sandbox.requests.find(INSIGHTS_PATH, 'GET').filter((r) => r.path === INSIGHTS_PATH);
	expect(gapRequests.length).toBeGreaterThanOrEqual(2);
	expect(gapRequests[1].query.to).toBeDefined();
	expect(first.errors).toEqual([]);
	expect(second.errors).toEqual([]);
}, 60_000);

test('closeFunction ends the connection and leaves no socket or timer behind', async () => {
	const { sandbox } = t;
	const resources = () => {
		const info = process.getActiveResourcesInfo();
		return { sockets: info.filter((r) => r === 'TCPSocketWrap').length, timers: info.filter((r) => r === 'Timeout').length };
	};
	await pause(50);
	const before = resources();
	const trigger = await t.start(FAST);
	await until(() => sandbox.streamClientCount() === 1, 'the connection');
	sandbox.emitInsightBatch([{ content: 'before close' }]);
	await trigger.waitForExecutions(1);
	expect(resources().sockets).toBeGreaterThan(before.sockets);
	await trigger.close();
	await until(() => sandbox.streamClientCount() === 0, 'the server to see the disconnect', 2000);
	await until(() => {
		const now = resources();
		return now.sockets <= before.sockets && now.timers <= before.timers;
	}, 'sockets and timers back to where they were', 2000);
	// Nothing reconnects after close.
	const count = sandbox.requests.find(STREAM_PATH).length;
	await pause(600);
	expect(sandbox.requests.find(STREAM_PATH)).toHaveLength(count);
	sandbox.emitInsightBatch([{ content: 'after close' }]);
	await pause(100);
	expect(contents(trigger.executions)).toEqual(['before close']);
});

/** Paths of every proxy object inside the items' data. */
function proxiesIn(value: unknown, path = '$', found: string[] = []): string[] {
	if (value === null || typeof value !== 'object') return found;
	if (types.isProxy(value)) found.push(path);
	for (const [key, inner] of Object.entries(value)) proxiesIn(inner, `${path}.${key}`, found);
	return found;
}
