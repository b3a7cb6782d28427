import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest({ jobDurationMs: 60_000 });
});
afterAll(async () => await nex.close());

async function startConnect(): Promise<string> {
	const answer = await nex.rawFetch('POST', '/v1/integrations/email/google/connect');
	return (JSON.parse(answer.text) as { connect_id: string }).connect_id;
}

test('reports pending, then connected with the exact connection id', async () => {
	const connectId = await startConnect();
	const pending = await nex.runNex({ resource: 'integration', operation: 'getConnectStatus', connectId });
	expect(pending.error).toBeUndefined();
	expect(pending.requests.map((r) => [r.method, r.path])).toEqual([
		['GET', `/api/developers/v1/integrations/connect/${encodeURIComponent(connectId)}/status`],
	]);
	expect(pending.items).toEqual([{ connect_id: connectId, status: 'pending' }]);

	nex.sandbox.completeConnect(connectId);
	const connected = await nex.runNex({ resource: 'integration', operation: 'getConnectStatus', connectId });
	const raw = await nex.rawFetch('GET', `/v1/integrations/connect/${encodeURIComponent(connectId)}/status`);
	const rawConnectionId = /"connection_id"\s*:\s*(\d+)/.exec(raw.text)![1];
	expect(connected.items).toEqual([{ connect_id: connectId, status: 'connected', connection_id: rawConnectionId }]);
});

test('waiting keeps checking until the connection is made', async () => {
	const connectId = await startConnect();
	setTimeout(() => nex.sandbox.completeConnect(connectId), 1500);
	const run = await nex.runNex({ resource: 'integration', operation: 'getConnectStatus', connectId, waitForCompletion: true, waitTimeout: 30 });
	expect(run.error).toBeUndefined();
	expect(run.requests.length).toBeGreaterThanOrEqual(2);
	expect(run.items[0]).toMatchObject({ connect_id: connectId, status: 'connected', connection_id: expect.stringMatching(/^\d+$/) });
});

test('an expired connect id answers 410: a clear error', async () => {
	nex.sandbox.configure({ connectExpiryMs: 200 });
	const connectId = await startConnect();
	await new Promise((resolve) => setTimeout(resolve, 300));
	const run = await nex.runNex({ resource: 'integration', operation: 'getConnectStatus', connectId });
	nex.sandbox.configure({ connectExpiryMs: 600_000 });
	expect(run.error?.description).toContain('Nex API error 410');
	expect(run.error?.description).toContain('connect ids are valid for 10 minutes');
});

test('a blank connect id is rejected before sending', async () => {
	const run = await nex.runNex({ resource: 'integration', operation: 'getConnectStatus', connectId: '  ' });
	expect(run.error?.message).toContain('Connect ID is empty');
	expect(run.requests).toHaveLength(0);
});
