import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest({ jobDurationMs: 60_000 });
});
afterAll(async () => await nex.close());

test('reads the state of a job', async () => {
	const triggered = await nex.rawFetch('POST', '/v1/compounding/trigger', { job_type: 'metrics' });
	const jobRunId = (JSON.parse(triggered.text) as { job_run_id: string }).job_run_id;
	const run = await nex.runNex({ resource: 'compoundingJob', operation: 'getStatus', jobRunId });
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path])).toEqual([['GET', `/api/developers/v1/compounding/jobs/${jobRunId}`]]);
	expect(run.items).toEqual([
		expect.objectContaining({ job_run_id: jobRunId, job_type: 'metrics', status: 'accepted', workspace_id: nex.sandbox.store.workspaceId.toString() }),
	]);
});

test('an unknown job is a 404 naming the compounding job', async () => {
	const run = await nex.runNex({ resource: 'compoundingJob', operation: 'getStatus', jobRunId: '3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c' });
	expect(run.error?.description).toContain('Nex API error 404');
	expect(run.error?.description).toContain('compounding job was not found');
});

test('an id that is not a UUID is rejected before sending', async () => {
	const run = await nex.runNex({ resource: 'compoundingJob', operation: 'getStatus', jobRunId: '12345' });
	expect(run.error?.message).toContain('Job Run ID "12345" is not a valid id');
	expect(run.requests).toHaveLength(0);
});
