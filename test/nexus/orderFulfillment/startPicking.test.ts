/** Order Fulfillment → Start Picking, and the steps after it: Complete Pick, Create Shipment. */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

async function confirmedOrder(): Promise<string> {
	const [item] = await t.sandbox.query(`select id, name from public.items where organization_id = $1 order by name limit 1`, [orgA()]);
	const [order] = await t.sandbox.query(
		`insert into public.orders (organization_id, order_status, total_amount) values ($1, 'confirmed', 100) returning id`,
		[orgA()],
	);
	await t.sandbox.query(`insert into public.order_items (order_id, item_id, name, qty, unit_price) values ($1, $2, $3, 2, 50)`, [order.id, item.id, item.name]);
	return order.id;
}

test('Start Picking, then Complete Pick with the pick list it returned, then Create Shipment with a pickup date', async () => {
	const orderId = await confirmedOrder();
	const started = await t.run({ resource: 'orderFulfillment', operation: 'startPicking', orderId: t.rl('id', orderId) });
	expect(started.error).toBeUndefined();
	const [start] = apiRequests(started.requests);
	expect(start).toMatchObject({ method: 'POST', path: '/functions/v1/start-picking', body: { order_id: orderId } });
	const pickListId = String(started.items[0].pick_list_id);
	expect(await t.sandbox.query('select status from public.pick_lists where id = $1', [pickListId])).toEqual([{ status: 'in_progress' }]);

	const completed = await t.run({ resource: 'orderFulfillment', operation: 'completePick', pickListId });
	expect(completed.error).toBeUndefined();
	expect(apiRequests(completed.requests)[0]).toMatchObject({ path: '/functions/v1/complete-pick', body: { pick_list_id: pickListId } });
	expect(completed.items[0]).toMatchObject({ success: true, pick_list: { id: pickListId, status: 'completed' } });

	await t.sandbox.query(`update public.orders set order_status = 'fulfilling' where id = $1`, [orderId]);
	const shipped = await t.run({
		resource: 'orderFulfillment',
		operation: 'createShipment',
		orderId: t.rl('id', orderId),
		options: { pickupDate: '2030-01-02' },
	});
	expect(shipped.error).toBeUndefined();
	expect(apiRequests(shipped.requests)[0]).toMatchObject({
		path: '/functions/v1/create-awb-bosta',
		body: { order_id: orderId, pickup_date: '2030-01-02T00:00:00.000Z' },
	});
	const [awb] = await t.sandbox.query('select awb_number, pickup_date from public.awbs where order_id = $1', [orderId]);
	expect(shipped.items[0]).toMatchObject({ awb_number: awb.awb_number, order: { order_status: 'shipped' } });
	expect(String(awb.pickup_date)).toMatch(/^2030-01-02/);
});

test('Start Picking on a pending order keeps the edge function\'s error and message', async () => {
	const [order] = await t.sandbox.query(`insert into public.orders (organization_id) values ($1) returning id`, [orgA()]);
	const run = await t.run({ resource: 'orderFulfillment', operation: 'startPicking', orderId: t.rl('id', order.id) });
	expect(run.error?.message).toBe('Order must be confirmed to start picking (current status: pending)');
	expect(run.error?.description).toMatch(/^Nexus API error 409 \(invalid_order_status\): Order must be confirmed/);
	expect(run.error?.httpCode).toBe('409');
});
