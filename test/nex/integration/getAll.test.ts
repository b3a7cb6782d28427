import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('Return All lists every integration with its connections', async () => {
	const run = await nex.runNex({ resource: 'integration', operation: 'getAll', returnAll: true });
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path])).toEqual([['GET', '/api/developers/v1/integrations']]);
	expect(run.items).toHaveLength(nex.sandbox.store.integrations.length);
	expect(run.items[0]).toMatchObject({ type: 'email', provider: 'google', display_name: 'Gmail', connections: expect.any(Array) });
});

test('a Limit returns exactly that many', async () => {
	const run = await nex.runNex({ resource: 'integration', operation: 'getAll', limit: 3 });
	expect(run.items).toHaveLength(3);
});

test('a key without integration.read gets a 403 that names the scope', async () => {
	const run = await nex.runNex({ resource: 'integration', operation: 'getAll', returnAll: true }, { key: 'insightOnly' });
	expect(run.error?.description).toContain('integration.read');
});
