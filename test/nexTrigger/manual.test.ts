import { INSIGHTS_PATH, pause, startTriggerTest, STREAM_PATH, until, type TriggerTest } from './helpers';

/** A partial insight target as the sandbox accepts it (ids as strings, other fields filled in). */
const target = (fields: Record<string, string>) => fields as never;

/** "Listen for event" in the editor (mode 'manual'). */

let t: TriggerTest;
beforeAll(async () => {
	t = await startTriggerTest();
});
afterAll(async () => await t.close());
beforeEach(() => t.sandbox.reset());

test('returns the first new batch (replayed insights are not it), then closes the connection; static data untouched', async () => {
	const { sandbox } = t;
	const staticData = {};
	const trigger = await t.start({ outputMode: 'insight', includeReplay: true }, { mode: 'manual', staticData });
	expect(trigger.response?.manualTriggerFunction).toBeUndefined();
	await until(() => sandbox.streamClientCount() === 1, 'the connection');
	await pause(100); // the replay (20 recent insights) has arrived by now and was not emitted
	expect(trigger.executions).toEqual([]);
	sandbox.emitInsightBatch([{ content: 'first new A' }, { content: 'first new B' }]);
	await trigger.waitForExecutions(1);
	// One execution with the whole batch, even in "one execution per insight" mode.
	expect(trigger.executions[0].map((item) => item.json.content)).toEqual(['first new A', 'first new B']);
	await until(() => sandbox.streamClientCount() === 0, 'the trigger to hang up by itself');
	sandbox.emitInsightBatch([{ content: 'second' }]);
	await pause(100);
	expect(trigger.executions).toHaveLength(1);
	await trigger.close();
	expect(staticData).toEqual({});
	// No gap fill in a test run.
	expect(sandbox.requests.entries.filter((r) => r.path === INSIGHTS_PATH)).toEqual([]);
});

test('with "Test With Recent Insights": the most recent insights at once, oldest first, without opening the stream', async () => {
	const { sandbox } = t;
	const trigger = await t.start({ options: { testWithRecent: true } }, { mode: 'manual' });
	expect(sandbox.requests.entries).toEqual([]);
	await trigger.response!.manualTriggerFunction!();
	expect(trigger.executions).toHaveLength(1);
	const requests = sandbox.requests.entries;
	expect(requests.map((r) => [r.method, r.path, r.rawQuery])).toEqual([['GET', INSIGHTS_PATH, 'limit=20']]);
	const expected = sandbox.store.insights.slice(-20).map((i) => i.content);
	expect(trigger.executions[0].map((item) => item.json.content)).toEqual(expected);
	const first = trigger.executions[0][0].json;
	expect(first.event).toBe('recent');
	expect(typeof first.id).toBe('string');
	expect(first.emitted_at).toBe(first.created_at);
	await trigger.close();
	expect(sandbox.requests.find(STREAM_PATH)).toEqual([]);
});

test('recent insights with none matching the filters: waits for the next matching batch instead', async () => {
	const { sandbox } = t;
	const trigger = await t.start(
		{ filters: { entityTypes: 'planet' }, options: { testWithRecent: true, watchdogTimeout: 2 } },
		{ mode: 'manual' },
	);
	await trigger.response!.manualTriggerFunction!();
	expect(trigger.executions).toEqual([]);
	await until(() => sandbox.streamClientCount() === 1, 'the stream');
	sandbox.emitInsightBatch([{ content: 'about a person' }]);
	sandbox.emitInsightBatch([{ content: 'about Mars', target: target({ entity_type: 'planet', hint: 'Mars' }) }]);
	await trigger.waitForExecutions(1);
	expect(trigger.executions[0].map((item) => item.json.content)).toEqual(['about Mars']);
	await trigger.close();
});

test('recent insights with a key lacking insight.stream: a clear error', async () => {
	const trigger = await t.start({ options: { testWithRecent: true } }, { mode: 'manual', key: 'noInsight' });
	await expect(trigger.response!.manualTriggerFunction!()).rejects.toThrow(/lacks the "[a-z.]*" scope/);
	await trigger.close();
});
