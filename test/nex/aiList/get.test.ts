import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
let jobId: string;
beforeAll(async () => {
	nex = await startNexTest({ jobDurationMs: 100 });
	const created = await nex.rawFetch('POST', '/v1/context/list/jobs', { query: 'all companies', object_type: 'company' });
	jobId = /"job_id"\s*:\s*"(\d+)"/.exec(created.text)![1];
	await new Promise((resolve) => setTimeout(resolve, 200));
});
afterAll(async () => await nex.close());

test.each([['wrapped' as const], ['unwrapped' as const]])('reads a job from %s answers the same way', async (shape) => {
	nex.sandbox.configure({ aiListShape: shape });
	const run = await nex.runNex({ resource: 'aiList', operation: 'get', jobId, includeAttributes: false });
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path, r.rawQuery])).toEqual([
		['GET', `/api/developers/v1/context/list/jobs/${jobId}`, 'include_attributes=false'],
	]);
	expect(run.items).toHaveLength(1);
	expect(run.items[0]).toMatchObject({ job_id: jobId, status: 'completed' });
	expect((run.items[0].entities as unknown[]).length).toBeGreaterThan(0);
});

test('include attributes goes to the query string', async () => {
	const run = await nex.runNex({ resource: 'aiList', operation: 'get', jobId, includeAttributes: true });
	expect(run.requests[0].query).toEqual({ include_attributes: 'true' });
	expect((run.items[0].entities as Array<{ attributes?: object }>)[0].attributes).toBeDefined();
});

test('an unknown job is a 404 naming the AI list job', async () => {
	const run = await nex.runNex({ resource: 'aiList', operation: 'get', jobId: '32710180831599999' });
	expect(run.error?.description).toContain('Nex API error 404');
	expect(run.error?.description).toContain('AI list job was not found');
});

test('a job id with a slash is rejected before sending', async () => {
	const run = await nex.runNex({ resource: 'aiList', operation: 'get', jobId: '1/2' });
	expect(run.error?.message).toContain('Job ID "1/2" is not a valid id');
	expect(run.requests).toHaveLength(0);
});
