/**
 * Order (orders + order_items): create with line items, get with items, get many, update,
 * update status, delete.
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

async function someOrder(status?: string): Promise<{ id: string; order_number: string; order_status: string }> {
	const rows = await t.sandbox.query(
		`select id, order_number, order_status from public.orders where organization_id = $1 ${status ? 'and order_status = $2' : ''} order by created_at limit 1`,
		status ? [orgA(), status] : [orgA()],
	);
	return rows[0];
}

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

describe('Order → Get', () => {
	test('reads the order with its line items embedded', async () => {
		const order = await someOrder();
		const { items, error, requests } = await t.run({ resource: 'order', operation: 'get', orderId: t.rl('id', order.id) });
		expect(error).toBeUndefined();
		const [get] = apiRequests(requests);
		expect(get.query).toEqual({ id: `eq.${order.id}`, select: '*,order_items(*)' });
		expect(header(get, 'accept')).toContain('application/vnd.pgrst.object+json');
		const lines = await t.sandbox.query(`select id from public.order_items where order_id = $1 order by id`, [order.id]);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ id: order.id, order_number: order.order_number });
		expect((items[0].order_items as Array<{ id: string }>).map((line) => line.id).sort()).toEqual(lines.map((line) => line.id));
	});
});

describe('Order → Get Many', () => {
	test('filters by status from the dropdown and embeds line items on request', async () => {
		const { items, error, requests } = await t.run({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			orderStatuses: ['pending', 'confirmed'],
			includeLineItems: true,
		});
		expect(error).toBeUndefined();
		const [get] = apiRequests(requests);
		expect(get.query.order_status).toBe('in.(pending,confirmed)');
		expect(get.query.order).toBe('created_at.desc,id.asc');
		// The key columns ride along as text under their own aliases (and are taken off the output).
		expect(String(get.query.select)).toMatch(/^id,order_number,order_status,.*,order_items\(\*\),nexus_keyset_0:created_at::text,nexus_keyset_1:id::text$/);
		const expected = await t.sandbox.query(
			`select id from public.orders where organization_id = $1 and order_status in ('pending','confirmed') order by created_at desc, id`,
			[orgA()],
		);
		expect(items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
		expect(items.every((item) => Array.isArray(item.order_items))).toBe(true);
	});

	test('sorts by several columns and combines filters with OR', async () => {
		const { items, error, requests } = await t.run({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			filters: {
				conditions: [
					{ column: 'order_status', operator: 'eq', value: 'shipped' },
					{ column: 'total_amount', operator: 'gte', value: '1000' },
				],
			},
			options: { match: 'or', sort: { fields: [{ column: 'order_status', direction: 'asc' }, { column: 'total_amount', direction: 'desc' }] } },
		});
		expect(error).toBeUndefined();
		const [get] = apiRequests(requests);
		expect(get.query.or).toBe('(order_status.eq.shipped,total_amount.gte.1000)');
		expect(get.query.order).toBe('order_status.asc,total_amount.desc,id.asc');
		const expected = await t.sandbox.query(
			`select id from public.orders where organization_id = $1 and (order_status = 'shipped' or total_amount >= 1000) order by order_status, total_amount desc, id`,
			[orgA()],
		);
		expect(items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
	});
});

describe('Order → Update', () => {
	test('patches fields and outputs the row written', async () => {
		const order = await someOrder();
		const { items, error, requests } = await t.run({
			resource: 'order',
			operation: 'update',
			orderId: t.rl('id', order.id),
			updateFields: { refund_amount: 10.5, shopify_order_id: '1234567890123' },
		});
		expect(error).toBeUndefined();
		const [patch] = apiRequests(requests);
		expect(patch.method).toBe('PATCH');
		expect(patch.query).toEqual({ id: `eq.${order.id}` });
		expect(patch.body).toEqual({ refund_amount: 10.5, shopify_order_id: '1234567890123' });
		expect(items).toEqual([expect.objectContaining({ id: order.id, refund_amount: 10.5, shopify_order_id: '1234567890123' })]);
	});
});

describe('Order → Update Status', () => {
	test('sets order_status (any value accepted) and outputs the row', async () => {
		const order = await someOrder('pending');
		const { items, error, requests } = await t.run({
			resource: 'order',
			operation: 'updateStatus',
			orderId: t.rl('id', order.id),
			orderStatus: 'packed',
		});
		expect(error).toBeUndefined();
		const [patch] = apiRequests(requests);
		expect(patch.body).toEqual({ order_status: 'packed' });
		expect(header(patch, 'prefer')).toContain('return=representation');
		expect(items).toEqual([expect.objectContaining({ id: order.id, order_status: 'packed' })]);
		expect(await t.sandbox.query('select order_status from public.orders where id = $1', [order.id])).toEqual([{ order_status: 'packed' }]);
	});

	test('a status expression that gives nothing is refused before sending', async () => {
		const order = await someOrder();
		expectInputError(
			await t.run({ resource: 'order', operation: 'updateStatus', orderId: t.rl('id', order.id), orderStatus: '={{ "" }}' }),
			'Order Status is empty',
		);
	});
});

describe('Order → Delete', () => {
	test('deletes the order (its items cascade) and outputs it', async () => {
		const order = await someOrder('cancelled');
		const { items, error, requests } = await t.run({ resource: 'order', operation: 'delete', orderId: t.rl('id', order.id) });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0]).toMatchObject({ method: 'DELETE', path: '/rest/v1/orders', query: { id: `eq.${order.id}` } });
		expect(items).toEqual([expect.objectContaining({ id: order.id })]);
		expect(await t.sandbox.query('select id from public.order_items where order_id = $1', [order.id])).toEqual([]);
	});

	test('deleting an order that does not exist is a 406 with advice', async () => {
		const run = await t.run({ resource: 'order', operation: 'delete', orderId: t.rl('id', '00000000-0000-4000-8000-000000000000') });
		expect(run.error?.message).toBe('No order with id 00000000-0000-4000-8000-000000000000');
		expect(run.error?.description).toMatch(/^Nexus API error 406 \(PGRST116\)/);
		expect(run.error?.description).toMatch(/Expected exactly one row of order/);
	});
});
