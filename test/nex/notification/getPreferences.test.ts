import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('returns the preferences as one item', async () => {
	const run = await nex.runNex({ resource: 'notification', operation: 'getPreferences' });
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path])).toEqual([['GET', '/api/developers/v1/notifications/preferences']]);
	expect(run.items).toEqual([nex.sandbox.store.preferences]);
});
