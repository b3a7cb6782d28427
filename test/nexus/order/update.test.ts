/** Order → Update (orders, order_items). */
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
