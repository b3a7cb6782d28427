import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest({ jobDurationMs: 1200 });
});
afterAll(async () => await nex.close());
afterEach(() => nex.sandbox.configure({ jobDurationMs: 1200, connectExpiryMs: 600_000 }));

const newestFlow = () => [...nex.sandbox.store.connectFlows.values()].pop()!;

test('with waiting off (the default), returns the auth URL and connect id at once', async () => {
	const run = await nex.runNex({ resource: 'integration', operation: 'connect', integrationType: 'crm', provider: 'hubspot' });
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path, r.bodyText])).toEqual([
		['POST', '/api/developers/v1/integrations/crm/hubspot/connect', ''],
	]);
	const flow = newestFlow();
	expect(run.items).toEqual([{ auth_url: expect.stringContaining('hubspot'), connect_id: flow.connectId }]);
});

test('waiting: polls the status until connected and returns the exact connection id', async () => {
	const run = await nex.runNex({
		resource: 'integration',
		operation: 'connect',
		integrationType: 'email',
		provider: 'google',
		waitForCompletion: true,
		waitTimeout: 30,
	});
	expect(run.error).toBeUndefined();
	const flow = newestFlow();
	expect(run.requests[0].path).toBe('/api/developers/v1/integrations/email/google/connect');
	const polls = run.requests.slice(1);
	expect(polls.length).toBeGreaterThanOrEqual(1);
	for (const poll of polls) {
		expect([poll.method, poll.path]).toEqual(['GET', `/api/developers/v1/integrations/connect/${encodeURIComponent(flow.connectId)}/status`]);
	}
	expect(flow.connectionId).toBeDefined();
	const connectionId = flow.connectionId!.toString();
	expect(Number.isSafeInteger(Number(connectionId))).toBe(false);
	expect(run.items).toEqual([
		{ auth_url: expect.stringContaining('google'), connect_id: flow.connectId, status: 'connected', connection_id: connectionId },
	]);
});

test('an expired connect id (410) stops with a clear error', async () => {
	nex.sandbox.configure({ jobDurationMs: 60_000, connectExpiryMs: 1500 });
	const run = await nex.runNex({
		resource: 'integration',
		operation: 'connect',
		integrationType: 'messaging',
		provider: 'slack',
		waitForCompletion: true,
		waitTimeout: 30,
	});
	expect(run.items).toHaveLength(0);
	expect(run.error?.description).toContain('Nex API error 410');
	expect(run.error?.message).toContain('expired');
	expect(run.error?.description).toContain('start the connection again');
	expect(run.requests[run.requests.length - 1].status).toBe(410);
});

test('a timeout before anyone finished the consent names the connection attempt and its status', async () => {
	nex.sandbox.configure({ jobDurationMs: 60_000 });
	const run = await nex.runNex({
		resource: 'integration',
		operation: 'connect',
		integrationType: 'calendar',
		provider: 'microsoft',
		waitForCompletion: true,
		waitTimeout: 1,
	});
	expect(run.items).toHaveLength(0);
	expect(run.error?.message).toContain(`connection attempt ${newestFlow().connectId}`);
	expect(run.error?.message).toContain('did not finish within 1 s (last status "pending")');
});

test('a key without integration.write gets a 403 that names the scope', async () => {
	const run = await nex.runNex({ resource: 'integration', operation: 'connect', integrationType: 'email', provider: 'google' }, { key: 'readOnly' });
	expect(run.error?.description).toContain('integration.write');
});
