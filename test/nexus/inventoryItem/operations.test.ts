/**
 * Inventory Item (items) create / get / get many / update, Stock (stock_balances) get many /
 * low stock / check an item, Warehouse get many.
 */
import { apiRequests, expectInputError, header, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Inventory Item', () => {
	test('Create inserts the item with its organization and outputs it', async () => {
		const { items, error, requests } = await t.run({
			resource: 'inventoryItem',
			operation: 'create',
			name: 'Bucket Hat',
			additionalFields: { sku: 'HAT-BKT', selling_price: 175.5, min_stock_level: 5 },
		});
		expect(error).toBeUndefined();
		const post = apiRequests(requests).find((entry) => entry.method === 'POST');
		expect(post).toMatchObject({ path: '/rest/v1/items', body: { name: 'Bucket Hat', sku: 'HAT-BKT', selling_price: 175.5, min_stock_level: 5, organization_id: orgA() } });
		expect(header(post!, 'prefer')).toContain('return=representation');
		expect(items[0]).toMatchObject({ name: 'Bucket Hat', sku: 'HAT-BKT', is_active: true });
	});

	test('Get reads one item', async () => {
		const [item] = await t.sandbox.query(`select id, sku from public.items where organization_id = $1 limit 1`, [orgA()]);
		const { items, error } = await t.run({ resource: 'inventoryItem', operation: 'get', itemId: t.rl('id', item.id) });
		expect(error).toBeUndefined();
		expect(items).toEqual([expect.objectContaining({ id: item.id, sku: item.sku })]);
	});

	test('Get Many returns active items only by default, simplified', async () => {
		const { items, error, requests } = await t.run({ resource: 'inventoryItem', operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0].query).toMatchObject({ is_active: 'eq.true', order: 'updated_at.desc,id.asc' });
		const [{ n }] = await t.sandbox.query(`select count(*)::int as n from public.items where organization_id = $1 and is_active`, [orgA()]);
		expect(items).toHaveLength(n);
		expect(items[0]).not.toHaveProperty('description');
	});

	test('Update changes the price', async () => {
		const [item] = await t.sandbox.query(`select id from public.items where organization_id = $1 limit 1`, [orgA()]);
		const { items, error, requests } = await t.run({ resource: 'inventoryItem', operation: 'update', itemId: t.rl('id', item.id), updateFields: { selling_price: 99.99, is_active: false } });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0]).toMatchObject({ method: 'PATCH', query: { id: `eq.${item.id}` }, body: { selling_price: 99.99, is_active: false } });
		expect(items[0]).toMatchObject({ id: item.id, selling_price: 99.99, is_active: false });
	});

	test('Create without a name is refused before sending', async () => {
		expectInputError(await t.run({ resource: 'inventoryItem', operation: 'create', name: '={{ "" }}' }), 'Name is empty');
	});
});

describe('Stock', () => {
	test('Get Many in one warehouse', async () => {
		const [warehouse] = await t.sandbox.query(`select id from public.warehouses where organization_id = $1 order by name limit 1`, [orgA()]);
		const { items, error, requests } = await t.run({ resource: 'stock', operation: 'getAll', returnAll: true, warehouseId: warehouse.id });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0].query).toMatchObject({ warehouse_id: `eq.${warehouse.id}` });
		const [{ n }] = await t.sandbox.query(`select count(*)::int as n from public.stock_balances where warehouse_id = $1`, [warehouse.id]);
		expect(items).toHaveLength(n);
	});

	test('Get Low Stock returns balances with available below the threshold, lowest first', async () => {
		const { items, error, requests } = await t.run({ resource: 'stock', operation: 'getLowStock', threshold: 10, returnAll: true });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0].query).toMatchObject({ available_quantity: 'lt.10', order: 'available_quantity.asc,id.asc' });
		const expected = await t.sandbox.query(
			`select id from public.stock_balances where organization_id = $1 and available_quantity < 10 order by available_quantity, id`,
			[orgA()],
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
	});

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

	test('a warehouse that is not an id is refused before sending', async () => {
		expectInputError(await t.run({ resource: 'stock', operation: 'getAll', returnAll: true, warehouseId: 'Main Warehouse' }), 'Warehouse "Main Warehouse" is not a valid ID');
	});
});

describe('Warehouse → Get Many', () => {
	test('active warehouses by default, all on request', async () => {
		const active = await t.run({ resource: 'warehouse', operation: 'getAll', returnAll: true });
		expect(active.error).toBeUndefined();
		expect(apiRequests(active.requests)[0].query).toMatchObject({ is_active: 'eq.true', order: 'name.asc,id.asc' });
		expect(active.items.map((item) => item.name)).toEqual(['Main Warehouse']);
		const all = await t.run({ resource: 'warehouse', operation: 'getAll', returnAll: true, activeOnly: false });
		expect(all.items.map((item) => item.name)).toEqual(['Main Warehouse', 'Overflow Store']);
	});
});
