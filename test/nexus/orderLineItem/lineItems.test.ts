/** Order Line Item → Add, Change Quantity, Remove (order_items of an existing order). */
import { apiRequests, expectInputError, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

async function someOrder(): Promise<{ id: string; total_amount: string }> {
	const rows = await t.sandbox.query('select id, total_amount::text from public.orders where organization_id = $1 order by created_at limit 1', [orgA()]);
	return rows[0];
}

async function someLine(): Promise<{ id: string; order_id: string; qty: number }> {
	const rows = await t.sandbox.query('select id, order_id, qty from public.order_items where organization_id = $1 order by created_at limit 1', [orgA()]);
	return rows[0];
}

describe('Order Line Item', () => {
	test('Add stores a line on the order (organization from the order) and leaves the total alone', async () => {
		const order = await someOrder();
		const { items, error, requests } = await t.run({
			resource: 'orderLineItem',
			operation: 'add',
			orderId: t.rl('id', order.id),
			qty: 3,
			lineItemFields: { name: 'Scarf', sku: 'SCF-01', unitPrice: 80 },
		});
		expect(error).toBeUndefined();
		const post = apiRequests(requests).filter((entry) => entry.method === 'POST');
		expect(post).toHaveLength(1);
		expect(post[0]).toMatchObject({ path: '/rest/v1/order_items', body: { order_id: order.id, qty: 3, name: 'Scarf', sku: 'SCF-01', unit_price: 80 } });
		expect(items).toEqual([expect.objectContaining({ order_id: order.id, qty: 3, sku: 'SCF-01' })]);
		const stored = await t.sandbox.query('select organization_id, qty, unit_price::text from public.order_items where id = $1', [String(items[0].id)]);
		expect(stored).toEqual([{ organization_id: orgA(), qty: 3, unit_price: '80.00' }]);
		expect((await someOrder()).total_amount).toBe(order.total_amount);
	});

	test('Add without an item, name or SKU, or with quantity 0, is refused before sending', async () => {
		const order = await someOrder();
		expectInputError(
			await t.run({ resource: 'orderLineItem', operation: 'add', orderId: t.rl('id', order.id), qty: 1, lineItemFields: { barcode: '123' } }),
			'Give an Inventory Item, a Name or a SKU',
		);
		expectInputError(
			await t.run({ resource: 'orderLineItem', operation: 'add', orderId: t.rl('id', order.id), qty: 0, lineItemFields: { name: 'X' } }),
			'Quantity must be a whole number of at least 1',
		);
		expectInputError(await t.run({ resource: 'orderLineItem', operation: 'add', orderId: t.rl('id', '={{ "nope" }}'), qty: 1, lineItemFields: { name: 'X' } }), /^Order ID "nope" is not a valid ID/);
	});

	test('Change Quantity stores the new qty of that line only', async () => {
		const line = await someLine();
		const { items, error, requests } = await t.run({ resource: 'orderLineItem', operation: 'updateQuantity', lineItemId: line.id, qty: line.qty + 4 });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)).toEqual([expect.objectContaining({ method: 'PATCH', path: '/rest/v1/order_items', query: { id: `eq.${line.id}` }, body: { qty: line.qty + 4 } })]);
		expect(items).toEqual([expect.objectContaining({ id: line.id, qty: line.qty + 4 })]);
		expect(await t.sandbox.query('select qty from public.order_items where id = $1', [line.id])).toEqual([{ qty: line.qty + 4 }]);
	});

	test('Change Quantity to 2.5 or of a line id that is not a UUID is refused before sending', async () => {
		const line = await someLine();
		expectInputError(await t.run({ resource: 'orderLineItem', operation: 'updateQuantity', lineItemId: line.id, qty: 2.5 }), 'Quantity must be a whole number of at least 1');
		expectInputError(await t.run({ resource: 'orderLineItem', operation: 'updateQuantity', lineItemId: '12', qty: 2 }), /^Line Item ID "12" is not a valid ID/);
	});

	test('Remove deletes that line and keeps the order and its other lines', async () => {
		const line = await someLine();
		const before = await t.sandbox.query('select count(*)::int as n from public.order_items where order_id = $1', [line.order_id]);
		const { items, error, requests } = await t.run({ resource: 'orderLineItem', operation: 'remove', lineItemId: line.id });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)).toEqual([expect.objectContaining({ method: 'DELETE', path: '/rest/v1/order_items', query: { id: `eq.${line.id}` } })]);
		expect(items).toEqual([expect.objectContaining({ id: line.id })]);
		expect(await t.sandbox.query('select count(*)::int as n from public.order_items where order_id = $1', [line.order_id])).toEqual([{ n: before[0].n - 1 }]);
		expect(await t.sandbox.query('select id from public.orders where id = $1', [line.order_id])).toHaveLength(1);
	});

	test('Remove of a line that does not exist is a 406 naming the line item', async () => {
		const run = await t.run({ resource: 'orderLineItem', operation: 'remove', lineItemId: '00000000-0000-4000-8000-000000000000' });
		expect(run.error?.message).toBe('No order line item with id 00000000-0000-4000-8000-000000000000');
	});
});
