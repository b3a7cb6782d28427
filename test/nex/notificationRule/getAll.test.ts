import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('returns one item per rule', async () => {
	const run = await nex.runNex({ resource: 'notificationRule', operation: 'getAll', returnAll: true });
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path])).toEqual([['GET', '/api/developers/v1/notifications/custom']]);
	expect(run.items.map((rule) => rule.id)).toEqual([...nex.sandbox.store.customRules.keys()]);
	expect(run.items[0]).toEqual(expect.objectContaining({ name: expect.any(String), prompt: expect.any(String), schedule: expect.any(String) }));
});

test('a Limit returns exactly that many', async () => {
	const run = await nex.runNex({ resource: 'notificationRule', operation: 'getAll', limit: 1 });
	expect(run.items).toHaveLength(1);
});
