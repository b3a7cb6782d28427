import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

function digitsAfter(text: string, key: string): string[] {
	return [...text.matchAll(new RegExp(`"${key}"\\s*:\\s*"?(\\d+)`, 'g'))].map((match) => match[1]);
}

test('asks the question and keeps every id of the answer exact', async () => {
	const record = [...nex.sandbox.store.records.values()][0];
	const question = `What's the status with ${nex.sandbox.store.recordName(record)}?`;
	const run = await nex.runNex({ resource: 'context', operation: 'ask', query: question });
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path])).toEqual([['POST', '/api/developers/v1/context/ask']]);
	expect(JSON.parse(run.requests[0].bodyText)).toEqual({ query: question });
	expect(run.items).toHaveLength(1);
	const answer = run.items[0] as {
		answer: string;
		entities_considered: Array<{ id: string }>;
		signals_used: Array<{ insight_id: string; entity_id?: string }>;
	};
	expect(answer.answer).toEqual(expect.any(String));
	expect(answer.entities_considered.length).toBeGreaterThan(0);

	const raw = await nex.rawFetch('POST', '/v1/context/ask', { query: question });
	const rawEntityIds = digitsAfter(raw.text.slice(raw.text.indexOf('"entities_considered"'), raw.text.indexOf('"signals_used"')), 'id');
	expect(rawEntityIds.some((id) => !Number.isSafeInteger(Number(id)))).toBe(true);
	expect(answer.entities_considered.map((entity) => entity.id)).toEqual(rawEntityIds);
	expect(answer.entities_considered[0].id).toBe(record.id.toString());
	expect(answer.signals_used.map((signal) => signal.insight_id)).toEqual(digitsAfter(raw.text, 'insight_id'));
	expect(answer.signals_used.map((signal) => signal.entity_id).filter(Boolean)).toEqual(digitsAfter(raw.text, 'entity_id'));
});

test('a key without insight.stream gets a 403 that names the scope', async () => {
	const run = await nex.runNex({ resource: 'context', operation: 'ask', query: 'Who is new?' }, { key: 'noInsight' });
	expect(run.requests).toHaveLength(1);
	expect(run.error?.description).toContain('Nex API error 403');
	expect(run.error?.description).toContain('"insight.stream" scope');
});

test('a blank question is rejected before sending', async () => {
	const run = await nex.runNex({ resource: 'context', operation: 'ask', query: '   ' });
	expect(run.error?.message).toContain('Question is empty');
	expect(run.requests).toHaveLength(0);
});
