import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest({ artifactProcessingMs: 300 });
});
afterAll(async () => await nex.close());

test('gets an artifact by its exact id and says which one it is', async () => {
	const posted = await nex.rawFetch('POST', '/v1/context/text', { content: 'Maria Lopez joined Globex as CTO.' });
	const id = /"artifact_id"\s*:\s*(\d+)/.exec(posted.text)![1];
	expect(Number.isSafeInteger(Number(id))).toBe(false);
	await new Promise((resolve) => setTimeout(resolve, 400));
	const run = await nex.runNex({ resource: 'context', operation: 'getArtifact', artifactId: id });
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path])).toEqual([['GET', `/api/developers/v1/context/artifacts/${id}`]]);
	const raw = await nex.rawFetch('GET', `/v1/context/artifacts/${id}`);
	expect(run.items).toHaveLength(1);
	expect(run.items[0].artifact_id).toBe(id);
	expect(run.items[0].status).toBe('completed');
	expect(run.items[0].operation_id).toBe(/"operation_id"\s*:\s*(\d+)/.exec(raw.text)![1]);
});

test('an artifact id that is not a number is rejected before sending', async () => {
	const run = await nex.runNex({ resource: 'context', operation: 'getArtifact', artifactId: 'abc123' });
	expect(run.error?.message).toContain('Artifact ID "abc123" is not a valid id');
	expect(run.requests).toHaveLength(0);
});

test('an unknown artifact is a 404 naming the artifact', async () => {
	const run = await nex.runNex({ resource: 'context', operation: 'getArtifact', artifactId: '32710180831599999' });
	expect(run.error?.description).toContain('Nex API error 404');
	expect(run.error?.description).toContain('artifact was not found');
});
