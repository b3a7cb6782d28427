import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest({ artifactProcessingMs: 1500 });
});
afterAll(async () => await nex.close());
afterEach(() => nex.sandbox.configure({ artifactProcessingMs: 1500 }));

const TEXT = 'Had a great call with John Smith from Acme Corp. He wants a demo next week.';

function digitsAfter(text: string, key: string): string[] {
	return [...text.matchAll(new RegExp(`"${key}"\\s*:\\s*"?(\\d+)`, 'g'))].map((match) => match[1]);
}

test('waits for the artifact and returns it finished, every id exact', async () => {
	const run = await nex.runNex({
		resource: 'context',
		operation: 'addText',
		content: TEXT,
		additionalFields: { context: 'Sales call notes' },
		waitTimeout: 30,
	});
	expect(run.error).toBeUndefined();
	expect(run.requests[0].method).toBe('POST');
	expect(run.requests[0].path).toBe('/api/developers/v1/context/text');
	expect(JSON.parse(run.requests[0].bodyText)).toEqual({ content: TEXT, context: 'Sales call notes' });

	const created = [...nex.sandbox.store.artifacts.values()].pop()!;
	const id = created.id.toString();
	expect(Number.isSafeInteger(Number(id))).toBe(false);
	const polls = run.requests.slice(1);
	expect(polls.length).toBeGreaterThanOrEqual(1);
	for (const poll of polls) expect([poll.method, poll.path]).toEqual(['GET', `/api/developers/v1/context/artifacts/${id}`]);

	expect(run.items).toHaveLength(1);
	const artifact = run.items[0] as { artifact_id: string; operation_id: string; status: string; result: { entities_extracted: Array<Record<string, string>> } };
	expect(artifact.artifact_id).toBe(id);
	expect(artifact.status).toBe('completed');

	const raw = await nex.rawFetch('GET', `/v1/context/artifacts/${id}`);
	expect(artifact.operation_id).toBe(digitsAfter(raw.text, 'operation_id')[0]);
	expect(artifact.result.entities_extracted.map((entity) => entity.context_id)).toEqual(digitsAfter(raw.text, 'context_id'));
	expect(artifact.result.entities_extracted.map((entity) => entity.canonical_entity_id)).toEqual(
		digitsAfter(raw.text, 'canonical_entity_id'),
	);
	expect(artifact.result.entities_extracted.length).toBeGreaterThan(0);
});

test('with waiting off, returns the artifact handle at once', async () => {
	nex.sandbox.configure({ artifactProcessingMs: 10_000 });
	const run = await nex.runNex({ resource: 'context', operation: 'addText', content: TEXT, waitForCompletion: false });
	expect(run.error).toBeUndefined();
	expect(run.requests).toHaveLength(1);
	const id = [...nex.sandbox.store.artifacts.values()].pop()!.id.toString();
	expect(run.items).toEqual([{ artifact_id: id }]);
});

test('a failed artifact stops with an error naming the artifact and its last status', async () => {
	nex.sandbox.failNext({ artifacts: 1 });
	const run = await nex.runNex({ resource: 'context', operation: 'addText', content: TEXT, waitTimeout: 30 });
	const id = [...nex.sandbox.store.artifacts.values()].pop()!.id.toString();
	expect(run.items).toHaveLength(0);
	expect(run.error?.message).toContain(`artifact ${id} failed (last status "failed")`);
	expect(run.error?.message).toContain('text processing failed');
});

test('a timeout shorter than the processing stops with an error naming the artifact and its last status', async () => {
	nex.sandbox.configure({ artifactProcessingMs: 10_000 });
	const started = Date.now();
	const run = await nex.runNex({ resource: 'context', operation: 'addText', content: TEXT, waitTimeout: 1 });
	const elapsed = Date.now() - started;
	const id = [...nex.sandbox.store.artifacts.values()].pop()!.id.toString();
	// It waited its timeout and gave up before the 10 s of processing (the last status says so).
	expect(elapsed).toBeGreaterThanOrEqual(1000);
	expect(run.items).toHaveLength(0);
	expect(run.error?.message).toMatch(new RegExp(`artifact ${id} did not finish within 1 s \\(last status "(pending|processing)"\\)`));
	expect(run.error?.description).toContain('Get Artifact');
	expect(run.requests.filter((r) => r.method === 'GET').length).toBeGreaterThanOrEqual(1);
});

test.each([
	[{ content: '  ' }, 'Text is empty'],
	[{ content: 'x', waitTimeout: 0 }, 'Timeout (Seconds) must be a positive number'],
])('invalid input %j is rejected before sending', async (parameters, message) => {
	const run = await nex.runNex({ resource: 'context', operation: 'addText', ...parameters });
	expect(run.error?.message).toContain(message);
	expect(run.requests).toHaveLength(0);
});

test('a key without insight.stream gets a 403 that names the scope', async () => {
	const run = await nex.runNex({ resource: 'context', operation: 'addText', content: TEXT }, { key: 'noInsight' });
	expect(run.error?.description).toContain('insight.stream');
	expect(run.requests).toHaveLength(1);
});
