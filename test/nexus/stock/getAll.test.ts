/** Stock → Get Many (stock_balances). */
import { apiRequests, expectInputError, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Stock', () => {
	test('Get Many in one warehouse', async () => {
		const [warehouse] = await t.sandbox.query(`select id from public.warehouses where organization_id = $1 order by name limit 1`, [orgA()]);
		const { items, error, requests } = await t.run({ resource: 'stock', operation: 'getAll', returnAll: true, warehouseId: warehouse.id });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0].query).toMatchObject({ warehouse_id: `eq.${warehouse.id}` });
		const [{ n }] = await t.sandbox.query(`select count(*)::int as n from public.stock_balances where warehouse_id = $1`, [warehouse.id]);
		expect(items).toHaveLength(n);
	});

	test('a warehouse that is not an id is refused before sending', async () => {
		expectInputError(await t.run({ resource: 'stock', operation: 'getAll', returnAll: true, warehouseId: 'Main Warehouse' }), 'Warehouse "Main Warehouse" is not a valid ID');
	});
});
