/** Order Fulfillment → Create Shipment and Complete Pick: inputs refused before sending. */
import { expectInputError, startNexusTest, type NexusTest } from '../helpers';

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

test('an unreadable pickup date and a pick list id that is not a UUID are refused before sending', async () => {
	const orderId = await confirmedOrder();
	expectInputError(
		await t.run({ resource: 'orderFulfillment', operation: 'createShipment', orderId: t.rl('id', orderId), options: { pickupDate: 'tomorrow' } }),
		'Pickup Date "tomorrow" is not a date',
	);
	expectInputError(await t.run({ resource: 'orderFulfillment', operation: 'completePick', pickListId: 'PL-0001' }), 'Pick List ID "PL-0001" is not a valid ID');
});
