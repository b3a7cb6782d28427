import { startNexusTest, type NexusTest } from '../helpers';

/**
 * Every output item names the input item it came from (`pairedItem`), so expressions such as
 * `$('Nexus').item` resolve downstream when one input item yields several items, or an error item.
 */

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

test('two input items, several rows each: each output item is paired with its own input item', async () => {
	const run = await t.run(
		{ resource: 'contact', operation: 'getAll', returnAll: false, limit: '={{ $json.limit }}' },
		{ inputItems: [{ limit: 1 }, { limit: 2 }] },
	);
	expect(run.error?.message).toBeUndefined();
	const items = run.result.items.Nexus ?? [];
	expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 1 }]);
	expect(run.requests.filter((entry) => entry.path === '/rest/v1/customers')).toHaveLength(2);
});

test('with Continue On Fail, the error item is paired with the input item that failed', async () => {
	const run = await t.run(
		{ resource: 'order', operation: 'get', orderId: t.rl('id', '={{ $json.id }}') },
		{ inputItems: [{ id: 'not-a-uuid' }], continueOnFail: true },
	);
	const items = run.result.items.Nexus ?? [];
	expect(items).toHaveLength(1);
	expect(items[0].json.error).toEqual(expect.stringContaining('Order ID'));
	expect(items[0].pairedItem).toEqual({ item: 0 });
});
