/** Stock → Check Item Stock: an item's balances over its warehouses. */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Stock', () => {
	test('Check Item Stock sums the item\'s balances over its warehouses', async () => {
		const [item] = await t.sandbox.query(
			`select item_id from public.stock_balances where organization_id = $1 group by item_id having count(*) > 1 limit 1`,
			[orgA()],
		);
		const { items, error, requests } = await t.run({ resource: 'stock', operation: 'checkItem', itemId: t.rl('id', item.item_id) });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0].query).toMatchObject({ item_id: `eq.${item.item_id}` });
		const [sums] = await t.sandbox.query(
			`select sum(quantity)::int as q, sum(reserved_quantity)::int as r, sum(available_quantity)::int as a, count(*)::int as n from public.stock_balances where item_id = $1`,
			[item.item_id],
		);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ item_id: item.item_id, quantity: sums.q, reserved_quantity: sums.r, available_quantity: sums.a, in_stock: sums.a > 0 });
		expect(items[0].warehouses).toHaveLength(sums.n);
	});
});
