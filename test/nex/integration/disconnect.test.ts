import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest({ jobDurationMs: 60_000 });
});
afterAll(async () => await nex.close());

test('removes the connection and says which one', async () => {
	const started = await nex.rawFetch('POST', '/v1/integrations/crm/attio/connect');
	const connectId = (JSON.parse(started.text) as { connect_id: string }).connect_id;
	nex.sandbox.completeConnect(connectId);
	const connectionId = [...nex.sandbox.store.connectFlows.values()].find((flow) => flow.connectId === connectId)!.connectionId!.toString();

	const run = await nex.runNex({ resource: 'integration', operation: 'disconnect', connectionId });
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path, r.status])).toEqual([
		['DELETE', `/api/developers/v1/integrations/connections/${connectionId}`, 200],
	]);
	expect(run.items).toEqual([{ connection_id: connectionId, disconnected: true }]);
	const attio = nex.sandbox.store.integrations.find((integration) => integration.provider === 'attio')!;
	expect(attio.connections).toHaveLength(0);
});

test('an unknown connection is a 404 naming the connection', async () => {
	const run = await nex.runNex({ resource: 'integration', operation: 'disconnect', connectionId: '32710180831599999' });
	expect(run.error?.description).toContain('Nex API error 404');
	expect(run.error?.description).toContain('connection was not found');
});

test('a connection id that is not a number is rejected before sending', async () => {
	const run = await nex.runNex({ resource: 'integration', operation: 'disconnect', connectionId: 'gmail' });
	expect(run.error?.message).toContain('Connection ID "gmail" is not a valid id');
	expect(run.requests).toHaveLength(0);
});
