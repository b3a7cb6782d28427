import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest({ jobDurationMs: 1200 });
});
afterAll(async () => await nex.close());
afterEach(() => nex.sandbox.configure({ jobDurationMs: 1200, aiListShape: 'wrapped' }));

const newestJobId = () => [...nex.sandbox.store.aiListJobs.keys()].pop()!;

test.each([['wrapped' as const], ['unwrapped' as const]])(
	'waits for the list (%s answers) and returns the job with its entities, ids exact',
	async (shape) => {
		nex.sandbox.configure({ aiListShape: shape });
		const run = await nex.runNex({
			resource: 'aiList',
			operation: 'create',
			query: 'all contacts',
			objectType: 'contact',
			additionalFields: { maxResults: 10, includeAttributes: true },
			waitTimeout: 30,
		});
		expect(run.error).toBeUndefined();
		expect(run.requests[0].method).toBe('POST');
		expect(run.requests[0].path).toBe('/api/developers/v1/context/list/jobs');
		expect(JSON.parse(run.requests[0].bodyText)).toEqual({
			query: 'all contacts',
			object_type: 'contact',
			limit: 10,
			include_attributes: true,
		});
		const jobId = newestJobId();
		const polls = run.requests.slice(1);
		expect(polls.length).toBeGreaterThanOrEqual(1);
		for (const poll of polls) {
			expect([poll.method, poll.path, poll.query.include_attributes]).toEqual([
				'GET',
				`/api/developers/v1/context/list/jobs/${jobId}`,
				'true',
			]);
		}
		expect(run.items).toHaveLength(1);
		const job = run.items[0] as { job_id: string; status: string; count: number; entities: Array<{ id: string; attributes?: object }> };
		expect(job.job_id).toBe(jobId);
		expect(job.status).toBe('completed');
		expect(job.entities.length).toBeGreaterThan(0);
		expect(job.count).toBe(job.entities.length);
		expect(job.entities[0].attributes).toBeDefined();

		const raw = await nex.rawFetch('GET', `/v1/context/list/jobs/${jobId}`);
		const rawIds = [...raw.text.matchAll(/"id"\s*:\s*"?(\d+)/g)].map((match) => match[1]);
		expect(rawIds.some((id) => !Number.isSafeInteger(Number(id)))).toBe(true);
		expect(job.entities.map((entity) => entity.id)).toEqual(rawIds);
	},
);

test('with waiting off, returns the pending job at once', async () => {
	nex.sandbox.configure({ jobDurationMs: 10_000 });
	const run = await nex.runNex({ resource: 'aiList', operation: 'create', query: 'companies in tech', objectType: 'company', waitForCompletion: false });
	expect(run.error).toBeUndefined();
	expect(run.requests).toHaveLength(1);
	expect(JSON.parse(run.requests[0].bodyText)).toEqual({ query: 'companies in tech', object_type: 'company' });
	expect(run.items).toEqual([{ job_id: newestJobId(), status: 'pending' }]);
});

test('a failed job stops with an error naming the job and its last status', async () => {
	nex.sandbox.failNext({ aiListJobs: 1 });
	const run = await nex.runNex({ resource: 'aiList', operation: 'create', query: 'all contacts', waitTimeout: 30 });
	expect(run.items).toHaveLength(0);
	expect(run.error?.message).toContain(`AI list job ${newestJobId()} failed (last status "failed")`);
	expect(run.error?.message).toContain('list generation failed');
});

test('a timeout shorter than the job stops with an error naming the job and its last status', async () => {
	nex.sandbox.configure({ jobDurationMs: 10_000 });
	// The job takes 10 s: a last status of pending / processing shows the node gave up at its timeout.
	const run = await nex.runNex({ resource: 'aiList', operation: 'create', query: 'all contacts', waitTimeout: 1 });
	expect(run.items).toHaveLength(0);
	expect(run.error?.message).toMatch(
		new RegExp(`AI list job ${newestJobId()} did not finish within 1 s \\(last status "(pending|processing)"\\)`),
	);
});

test.each([
	[{ query: ' ' }, 'Description is empty'],
	[{ query: 'x', additionalFields: { maxResults: 500 } }, 'Max Results must be a whole number between 1 and 100'],
])('invalid input %j is rejected before sending', async (parameters, message) => {
	const run = await nex.runNex({ resource: 'aiList', operation: 'create', ...parameters });
	expect(run.error?.message).toContain(message);
	expect(run.requests).toHaveLength(0);
});

test('a key without insight.stream gets a 403 that names the scope', async () => {
	const run = await nex.runNex({ resource: 'aiList', operation: 'create', query: 'all contacts' }, { key: 'noInsight' });
	expect(run.error?.description).toContain('insight.stream');
});
