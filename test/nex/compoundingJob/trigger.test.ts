import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest({ jobDurationMs: 1200 });
});
afterAll(async () => await nex.close());
afterEach(() => nex.sandbox.configure({ jobDurationMs: 1200 }));

const newestJobId = () => [...nex.sandbox.store.compoundingJobs.keys()].pop()!;

test('triggers the job, waits for it and returns its final state, workspace id exact', async () => {
	const run = await nex.runNex({ resource: 'compoundingJob', operation: 'trigger', jobType: 'consolidation', dryRun: true, waitTimeout: 30 });
	expect(run.error).toBeUndefined();
	expect(run.requests[0].method).toBe('POST');
	expect(run.requests[0].path).toBe('/api/developers/v1/compounding/trigger');
	expect(run.requests[0].status).toBe(202);
	expect(JSON.parse(run.requests[0].bodyText)).toEqual({ job_type: 'consolidation', dry_run: true });
	const jobId = newestJobId();
	const polls = run.requests.slice(1);
	expect(polls.length).toBeGreaterThanOrEqual(1);
	for (const poll of polls) expect([poll.method, poll.path]).toEqual(['GET', `/api/developers/v1/compounding/jobs/${jobId}`]);

	expect(run.items).toHaveLength(1);
	const raw = await nex.rawFetch('GET', `/v1/compounding/jobs/${jobId}`);
	const rawWorkspaceId = /"workspace_id"\s*:\s*(\d+)/.exec(raw.text)![1];
	expect(Number.isSafeInteger(Number(rawWorkspaceId))).toBe(false);
	expect(run.items[0]).toMatchObject({
		job_run_id: jobId,
		job_type: 'consolidation',
		status: 'completed',
		dry_run: true,
		workspace_id: rawWorkspaceId,
		insights_scanned: expect.any(Number),
	});
});

test('with waiting off, returns the accepted job at once', async () => {
	const run = await nex.runNex({ resource: 'compoundingJob', operation: 'trigger', jobType: 'metrics', waitForCompletion: false });
	expect(run.error).toBeUndefined();
	expect(run.requests).toHaveLength(1);
	expect(JSON.parse(run.requests[0].bodyText)).toEqual({ job_type: 'metrics', dry_run: false });
	expect(run.items).toEqual([
		{
			job_run_id: newestJobId(),
			job_type: 'metrics',
			workspace_id: nex.sandbox.store.workspaceId.toString(),
			dry_run: false,
			status: 'accepted',
			success: true,
		},
	]);
});

test('a failed job stops with an error naming the job, its last status and its error details', async () => {
	nex.sandbox.failNext({ compounding: 1 });
	const run = await nex.runNex({ resource: 'compoundingJob', operation: 'trigger', jobType: 'decay_sweep', waitTimeout: 30 });
	expect(run.items).toHaveLength(0);
	expect(run.error?.message).toContain(`compounding job ${newestJobId()} failed (last status "failed")`);
	expect(run.error?.message).toContain('insight store unavailable');
});

test('a timeout shorter than the job stops with an error naming the job and its last status', async () => {
	nex.sandbox.configure({ jobDurationMs: 10_000 });
	const run = await nex.runNex({ resource: 'compoundingJob', operation: 'trigger', jobType: 'pattern_detection', waitTimeout: 1 });
	expect(run.items).toHaveLength(0);
	expect(run.error?.message).toMatch(
		new RegExp(`compounding job ${newestJobId()} did not finish within 1 s \\(last status "(accepted|running)"\\)`),
	);
	expect(run.error?.description).toContain('Get Status');
});

test('a key without record.write gets a 403 that names the scope', async () => {
	const run = await nex.runNex({ resource: 'compoundingJob', operation: 'trigger', jobType: 'metrics' }, { key: 'readOnly' });
	expect(run.error?.description).toContain('record.write');
});
