/** Order → Create (orders, order_items). */
import { pickContact } from '../contactPicker';
import { apiRequests, expectInputError, header, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Order → Create', () => {
	test('creates the order and its line items in one operation, total computed from the lines', async () => {
		const [customer] = await t.sandbox.query(`select id from public.customers where organization_id = $1 limit 1`, [orgA()]);
		const [item] = await t.sandbox.query(`select id, name, sku from public.items where organization_id = $1 order by name limit 1`, [orgA()]);
		const { items, error, requests } = await t.run({
			resource: 'order',
			operation: 'create',
			orderStatus: '',
			lineItems: {
				item: [
					{ itemId: item.id, name: item.name, sku: item.sku, qty: 2, unitPrice: 150 },
					{ name: 'Gift wrap', qty: 1, unitPrice: 12.5 },
				],
			},
			additionalFields: { customer_id: customer.id, currency: 'EGP' },
		});
		expect(error).toBeUndefined();
		const posts = apiRequests(requests).filter((entry) => entry.method === 'POST');
		expect(posts.map((entry) => entry.path)).toEqual(['/rest/v1/orders', '/rest/v1/order_items']);
		expect(posts[0].body).toEqual({
			customer_id: customer.id,
			currency: 'EGP',
			order_status: 'pending',
			total_amount: 312.5,
			organization_id: orgA(),
		});
		expect(header(posts[0], 'prefer')).toContain('return=representation');
		expect(header(posts[1], 'prefer')).toContain('return=representation');
		const order = items[0];
		expect(posts[1].body).toEqual([
			{ order_id: order.id, qty: 2, item_id: item.id, name: item.name, sku: item.sku, unit_price: 150 },
			{ order_id: order.id, qty: 1, name: 'Gift wrap', unit_price: 12.5 },
		]);
		expect(items).toHaveLength(1);
		expect(order).toMatchObject({ order_status: 'pending', total_amount: 312.5, currency: 'EGP', organization_id: orgA() });
		expect((order.order_items as Array<{ qty: number; name: string }>).map((line) => [line.name, line.qty])).toEqual([
			[item.name, 2],
			['Gift wrap', 1],
		]);
		const saved = await t.sandbox.query(`select name, qty from public.order_items where order_id = $1 order by qty desc`, [order.id]);
		expect(saved).toEqual([
			{ name: item.name, qty: 2 },
			{ name: 'Gift wrap', qty: 1 },
		]);
	});

	test('the customer is picked from the Customer list (a resource locator) and saved on the order', async () => {
		const [contact] = await t.sandbox.query(
			`insert into public.customers (organization_id, first_name, last_name) values ($1, 'Buyer', 'Picked For Order') returning id`,
			[orgA()],
		);
		const picked = await pickContact(t, { resource: 'order', operation: 'create', collection: 'additionalFields', field: 'customer_id' }, 'Picked For Order');
		const { items, error, requests } = await t.run({ resource: 'order', operation: 'create', orderStatus: '', additionalFields: { customer_id: picked } });
		expect(error).toBeUndefined();
		expect(apiRequests(requests).find((entry) => entry.method === 'POST')?.body).toMatchObject({ customer_id: contact.id });
		expect(await t.sandbox.query('select customer_id from public.orders where id = $1', [items[0].id])).toEqual([{ customer_id: contact.id }]);
	});

	test('a customer given by ID in the locator is checked before sending, naming the field', async () => {
		const run = await t.run({ resource: 'order', operation: 'create', additionalFields: { customer_id: t.rl('id', 'CUST-1') } });
		expectInputError(run, /^Customer ID "CUST-1" is not a valid ID/);
	});

	test('when the line items are rejected, the order is removed again and the error says so', async () => {
		const before = await t.sandbox.query(`select count(*)::int as n from public.orders where organization_id = $1`, [orgA()]);
		const run = await t.run({
			resource: 'order',
			operation: 'create',
			orderStatus: 'confirmed',
			lineItems: { item: [{ itemId: '00000000-0000-4000-8000-000000000000', name: 'Ghost', qty: 1, unitPrice: 1 }] },
		});
		expect(run.error?.message).toMatch(/^The order's line items were rejected: The order items refer to a row that does not exist/);
		expect(run.error?.description).toMatch(/Nothing was saved/);
		expect(run.error?.description).toMatch(/Missing reference/);
		const methods = apiRequests(run.requests).map((entry) => `${entry.method} ${entry.path}`);
		expect(methods).toEqual(['POST /rest/v1/orders', 'POST /rest/v1/order_items', 'DELETE /rest/v1/orders']);
		const after = await t.sandbox.query(`select count(*)::int as n from public.orders where organization_id = $1`, [orgA()]);
		expect(after[0].n).toBe(before[0].n);
	});

	test('a line item with quantity 0 is refused before sending', async () => {
		const run = await t.run({ resource: 'order', operation: 'create', lineItems: { item: [{ name: 'X', qty: 0 }] } });
		expectInputError(run, 'Line Items: line 1: Quantity must be a whole number of at least 1');
	});

	test('any order status typed is sent as given', async () => {
		const { items, error, requests } = await t.run({ resource: 'order', operation: 'create', orderStatus: 'pick_started' });
		expect(error).toBeUndefined();
		expect(apiRequests(requests).find((entry) => entry.method === 'POST')?.body).toMatchObject({ order_status: 'pick_started' });
		expect(items[0]).toMatchObject({ order_status: 'pick_started', order_items: [] });
	});
});
