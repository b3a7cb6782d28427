/** Order → Delete (orders, order_items). */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

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

describe('Order → Delete', () => {
	test('deletes the line items, then the order, on a database without a cascade from orders to order_items', async () => {
		// The reference documents no cascade: this database refuses to delete an order that still has items.
		await t.sandbox.query(
			'alter table public.order_items drop constraint order_items_order_id_fkey, add constraint order_items_order_id_fkey foreign key (order_id) references public.orders (id)',
		);
		const order = await someOrder('cancelled');
		const lines = await t.sandbox.query('select id from public.order_items where order_id = $1', [order.id]);
		expect(lines.length).toBeGreaterThan(0);
		const { items, error, requests } = await t.run({ resource: 'order', operation: 'delete', orderId: t.rl('id', order.id) });
		expect(error).toBeUndefined();
		expect(apiRequests(requests).filter((entry) => entry.method === 'DELETE')).toEqual([
			expect.objectContaining({ path: '/rest/v1/order_items', query: { order_id: `eq.${order.id}` } }),
			expect.objectContaining({ path: '/rest/v1/orders', query: { id: `eq.${order.id}` } }),
		]);
		expect(items).toEqual([expect.objectContaining({ id: order.id, order_items: expect.arrayContaining(lines.map((line) => expect.objectContaining({ id: line.id }))) })]);
		expect(await t.sandbox.query('select id from public.order_items where order_id = $1', [order.id])).toEqual([]);
		expect(await t.sandbox.query('select id from public.orders where id = $1', [order.id])).toEqual([]);
	});

	test('deleting an order that does not exist is a 406 with advice', async () => {
		const run = await t.run({ resource: 'order', operation: 'delete', orderId: t.rl('id', '00000000-0000-4000-8000-000000000000') });
		expect(run.error?.message).toBe('No order with id 00000000-0000-4000-8000-000000000000');
		expect(run.error?.description).toMatch(/^Nexus API error 406 \(PGRST116\)/);
		expect(run.error?.description).toMatch(/Expected exactly one row of order/);
	});
});
