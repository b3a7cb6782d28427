/**
 * Order Fulfillment → Ship Order: confirm → start picking → complete pick → fulfilling → create
 * AWB in one operation; a failure at any step stops there with an error naming the step and the
 * state the order is left in.
 */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});
afterEach(() => t.sandbox.faults.clear());

const orgA = () => t.sandbox.orgs.a.id;

/** A new pending order of organization A with one line item of a stocked item. */
async function newPendingOrder(): Promise<string> {
	const [item] = await t.sandbox.query(
		`select i.id, i.name, i.sku from public.items i join public.stock_balances s on s.item_id = i.id
		where i.organization_id = $1 and s.quantity > 5 order by i.name limit 1`,
		[orgA()],
	);
	const [order] = await t.sandbox.query(
		`insert into public.orders (organization_id, order_status, total_amount, currency) values ($1, 'pending', 150, 'EGP') returning id`,
		[orgA()],
	);
	await t.sandbox.query(
		`insert into public.order_items (organization_id, order_id, item_id, name, sku, qty, unit_price) values ($1, $2, $3, $4, $5, 1, 150)`,
		[orgA(), order.id, item.id, item.name, item.sku],
	);
	return order.id;
}

async function orderState(id: string) {
	const [order] = await t.sandbox.query(`select order_status, awb_number from public.orders where id = $1`, [id]);
	const pickLists = await t.sandbox.query(`select id, status from public.pick_lists where order_id = $1`, [id]);
	const awbs = await t.sandbox.query(`select awb_number, status, courier_name from public.awbs where order_id = $1`, [id]);
	return { ...order, pickLists, awbs };
}

test('ships a pending order end to end: it ends shipped with an AWB row', async () => {
	const orderId = await newPendingOrder();
	const { items, error, requests } = await t.run({
		resource: 'orderFulfillment',
		operation: 'shipOrder',
		orderId: t.rl('id', orderId),
		options: { pickupDate: '2030-03-05T09:00:00.000Z' },
	});
	expect(error).toBeUndefined();
	expect(apiRequests(requests).map((entry) => `${entry.method} ${entry.path}`)).toEqual([
		'GET /rest/v1/orders',
		'PATCH /rest/v1/orders',
		'POST /functions/v1/start-picking',
		'POST /functions/v1/complete-pick',
		'PATCH /rest/v1/orders',
		'POST /functions/v1/create-awb-bosta',
		'GET /rest/v1/orders',
	]);
	const calls = apiRequests(requests);
	expect(calls[1].query).toEqual({ id: `eq.${orderId}`, order_status: 'eq.pending' });
	expect(calls[1].body).toEqual({ order_status: 'confirmed' });
	expect(calls[2].body).toEqual({ order_id: orderId });
	expect(calls[4].body).toEqual({ order_status: 'fulfilling' });
	expect(calls[5].body).toEqual({ order_id: orderId, pickup_date: '2030-03-05T09:00:00.000Z' });

	const state = await orderState(orderId);
	expect(state.order_status).toBe('shipped');
	expect(state.awbs).toEqual([{ awb_number: state.awb_number, status: 'created', courier_name: 'bosta' }]);
	expect(state.pickLists).toEqual([{ id: expect.any(String), status: 'completed' }]);
	expect(calls[3].body).toEqual({ pick_list_id: state.pickLists[0].id });

	expect(items).toHaveLength(1);
	expect(items[0]).toMatchObject({
		order: { id: orderId, order_status: 'shipped', awb_number: state.awb_number },
		awb_number: state.awb_number,
		pick_list_id: state.pickLists[0].id,
		steps_done: ['Confirm order', 'Start picking', 'Complete pick', 'Set fulfilling', 'Create AWB'],
		steps_skipped: [],
	});
});

test('a fulfilling order goes straight to the AWB', async () => {
	const orderId = await newPendingOrder();
	await t.sandbox.query(`update public.orders set order_status = 'fulfilling' where id = $1`, [orderId]);
	const { items, error, requests } = await t.run({ resource: 'orderFulfillment', operation: 'shipOrder', orderId: t.rl('id', orderId) });
	expect(error).toBeUndefined();
	expect(apiRequests(requests).map((entry) => `${entry.method} ${entry.path}`)).toEqual([
		'GET /rest/v1/orders',
		'POST /functions/v1/create-awb-bosta',
		'GET /rest/v1/orders',
	]);
	expect(items[0]).toMatchObject({ steps_done: ['Create AWB'], steps_skipped: ['Confirm order', 'Start picking', 'Complete pick', 'Set fulfilling'] });
	expect((await orderState(orderId)).order_status).toBe('shipped');
});

test('an order already shipped is refused, naming its AWB, and nothing is changed', async () => {
	const [shipped] = await t.sandbox.query(`select id, awb_number from public.orders where organization_id = $1 and order_status = 'shipped' limit 1`, [orgA()]);
	const { error, requests } = await t.run({ resource: 'orderFulfillment', operation: 'shipOrder', orderId: t.rl('id', shipped.id) });
	expect(error?.message).toBe('Ship Order: the order is "shipped", so it cannot be shipped');
	expect(error?.description).toContain(shipped.awb_number);
	expect(apiRequests(requests).map((entry) => entry.method)).toEqual(['GET']);
});

describe.each([
	{ step: 1, name: 'Confirm order', fault: { method: 'PATCH', pathIncludes: '/rest/v1/orders' }, leftIn: 'pending', done: 'No step was completed.' },
	{ step: 2, name: 'Start picking', fault: { pathIncludes: '/functions/v1/start-picking' }, leftIn: 'confirmed', done: 'Steps done: Confirm order.' },
	{ step: 3, name: 'Complete pick', fault: { pathIncludes: '/functions/v1/complete-pick' }, leftIn: 'confirmed', done: 'Steps done: Confirm order, Start picking.' },
	{ step: 4, name: 'Set fulfilling', fault: { method: 'PATCH', pathIncludes: '/rest/v1/orders', skip: 1 }, leftIn: 'confirmed', done: 'Steps done: Confirm order, Start picking, Complete pick.' },
	{ step: 5, name: 'Create AWB', fault: { pathIncludes: '/functions/v1/create-awb-bosta' }, leftIn: 'fulfilling', done: 'Steps done: Confirm order, Start picking, Complete pick, Set fulfilling.' },
])('a failure at step $step ($name)', ({ step, name, fault, leftIn, done }) => {
	test('stops there with an error naming the step and the status the order is left in', async () => {
		const orderId = await newPendingOrder();
		t.sandbox.faults.add({ kind: 'status', status: 500, ...fault });
		const { error, items } = await t.run({ resource: 'orderFulfillment', operation: 'shipOrder', orderId: t.rl('id', orderId) });
		expect(items).toEqual([]);
		expect(error?.message).toMatch(new RegExp(`^Ship Order stopped at step ${step} of 5 \\(${name}\\): Nexus had a server error`));
		expect(error?.httpCode).toBe('500');
		expect(error?.description).toContain(`The order is left in status "${leftIn}".`);
		expect(error?.description).toContain(done);
		const state = await orderState(orderId);
		expect(state.order_status).toBe(leftIn);
		expect(state.awbs).toEqual([]);
	});
});

test('after a failure at Complete Pick, running again with the pick list named in the error ships the order', async () => {
	const orderId = await newPendingOrder();
	t.sandbox.faults.add({ kind: 'status', status: 503, pathIncludes: '/functions/v1/complete-pick', count: 1 });
	const failed = await t.run({ resource: 'orderFulfillment', operation: 'shipOrder', orderId: t.rl('id', orderId), requestOptions: { maxRetries: 0 } });
	const [pickList] = (await orderState(orderId)).pickLists;
	expect(pickList.status).toBe('in_progress');
	expect(failed.error?.description).toContain(`Options → Pick List ID ${pickList.id}`);

	const resumed = await t.run({
		resource: 'orderFulfillment',
		operation: 'shipOrder',
		orderId: t.rl('id', orderId),
		options: { pickListId: pickList.id },
	});
	expect(resumed.error).toBeUndefined();
	expect(apiRequests(resumed.requests).map((entry) => `${entry.method} ${entry.path}`)).toEqual([
		'GET /rest/v1/orders',
		'POST /functions/v1/complete-pick',
		'PATCH /rest/v1/orders',
		'POST /functions/v1/create-awb-bosta',
		'GET /rest/v1/orders',
	]);
	expect(resumed.items[0]).toMatchObject({ steps_skipped: ['Confirm order', 'Start picking'] });
	const state = await orderState(orderId);
	expect(state.order_status).toBe('shipped');
	expect(state.pickLists).toEqual([{ id: pickList.id, status: 'completed' }]);
	expect(state.awbs).toHaveLength(1);
});
