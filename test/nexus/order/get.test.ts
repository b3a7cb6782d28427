/** Order → Get (orders, order_items). */
import { apiRequests, header, startNexusTest, type NexusTest } from '../helpers';

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
