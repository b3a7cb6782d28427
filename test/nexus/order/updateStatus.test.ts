/** Order → Update Status (orders, order_items). */
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
