import { pause, startTriggerTest, STREAM_PATH, until, type TriggerTest } from './helpers';

/** 401 and 403 stop reconnecting and surface one clear error; no storm of requests. */

let t: TriggerTest;
beforeAll(async () => {
	t = await startTriggerTest();
});
afterAll(async () => await t.close());
beforeEach(() => t.sandbox.reset());

const FAST = { options: { watchdogTimeout: 0.5, reconnectDelay: 0.01 } };

test('401 (invalid key): one request, one error naming the credential, no reconnects', async () => {
	const trigger = await t.start(FAST, { key: 'sk-not-a-real-key' });
	const [error] = await trigger.waitForErrors(1);
	expect((error as Error & { description?: string }).description).toContain('Nex API error 401');
	expect((error as Error & { description?: string }).description).toMatch(/API key is invalid or revoked/);
	// The key never appears in the error.
	expect(JSON.stringify({ message: error.message, description: (error as Error & { description?: string }).description })).not.toContain(
		'sk-not-a-real-key',
	);
	await pause(800); // many reconnect delays would have passed
	expect(t.sandbox.requests.find(STREAM_PATH)).toHaveLength(1);
	expect(trigger.errors).toHaveLength(1);
	expect(trigger.executions).toEqual([]);
	await trigger.close();
});

test('403 (key without insight.stream): one request, one error naming the scope to add', async () => {
	const trigger = await t.start(FAST, { key: 'noInsight' });
	const [error] = await trigger.waitForErrors(1);
	expect((error as Error & { description?: string }).description).toContain('Nex API error 403');
	expect((error as Error & { description?: string }).description).toContain('insight.stream');
	await pause(800);
	expect(t.sandbox.requests.find(STREAM_PATH)).toHaveLength(1);
	expect(trigger.errors).toHaveLength(1);
	await trigger.close();
});

test('a key losing its scope while the trigger runs: the reconnect gets 403 and the trigger stops', async () => {
	const { sandbox } = t;
	const staticData = {};
	sandbox.addKey('sk-revocable-key-000000000001', ['insight.stream']);
	const trigger = await t.start(FAST, { key: 'sk-revocable-key-000000000001', staticData });
	await until(() => sandbox.streamClientCount() === 1, 'the connection');
	sandbox.emitInsightBatch([{ content: 'before revoke' }]);
	await trigger.waitForExecutions(1);
	// Revoked: the key loses every scope; the next request answers 403.
	sandbox.addKey('sk-revocable-key-000000000001', []);
	sandbox.dropStreams();
	const [error] = await trigger.waitForErrors(1);
	expect((error as Error & { description?: string }).description).toContain('Nex API error 403');
	await pause(500);
	expect(sandbox.requests.find(STREAM_PATH)).toHaveLength(2);
	expect(trigger.errors).toHaveLength(1);
	await trigger.close();
});

test('a 401 from the gap fill after a reconnect stops the trigger too', async () => {
	const { sandbox } = t;
	const trigger = await t.start(FAST, { staticData: {} });
	await until(() => sandbox.streamClientCount() === 1, 'the connection');
	sandbox.emitInsightBatch([{ content: 'before the drop' }]);
	await trigger.waitForExecutions(1);
	// The reconnect's stream request passes; the gap fill's GET /v1/insights answers 401.
	sandbox.faults.add({ kind: 'status', status: 401, pathIncludes: '/v1/insights', method: 'GET', skip: 1 });
	sandbox.dropStreams();
	const [error] = await trigger.waitForErrors(1);
	expect((error as Error & { description?: string }).description).toContain('Nex API error 401');
	await pause(500);
	expect(sandbox.requests.find(STREAM_PATH)).toHaveLength(2);
	const gapFills = sandbox.requests.entries.filter((r) => r.path.endsWith('/v1/insights'));
	expect(gapFills).toHaveLength(1);
	expect(gapFills[0].status).toBe(401);
	expect(trigger.errors).toHaveLength(1);
	await trigger.close();
});

test('other failures (503, 500) are retried with growing delays until the stream opens', async () => {
	const { sandbox } = t;
	sandbox.faults.add({ kind: 'status', status: 503, count: 4, pathIncludes: STREAM_PATH });
	const trigger = await t.start({ options: { watchdogTimeout: 2, reconnectDelay: 0.05 } });
	await until(() => sandbox.streamClientCount() === 1, 'the stream to open after four 503s', 10_000);
	const times = sandbox.requests.find(STREAM_PATH).map((r) => r.at);
	expect(times).toHaveLength(5);
	const gaps = times.slice(1).map((at, i) => at - times[i]);
	// 50 ms·2^n·[0.5, 1): [25, 50), [50, 100), [100, 200), [200, 400) plus request time.
	expect(gaps[3]).toBeGreaterThanOrEqual(200);
	expect(gaps[3]).toBeGreaterThan(gaps[0]);
	expect(gaps[2]).toBeGreaterThanOrEqual(100);
	expect(trigger.errors).toEqual([]);
	sandbox.emitInsightBatch([{ content: 'after the outage' }]);
	await trigger.waitForExecutions(1);
	expect(trigger.executions[0][0].json.content).toBe('after the outage');
	await trigger.close();
});
