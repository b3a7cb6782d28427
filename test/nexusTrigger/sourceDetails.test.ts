import type { IDataObject } from 'n8n-workflow';

import { startTriggerTest, type TriggerTest } from './helpers';

/**
 * What each newer source puts in its items and what only it must handle: a shipment's previous
 * status and order (embedded, no request per move), late PBX call logs, the window of message
 * statuses, and the fields a contact update changed.
 */

let t: TriggerTest;

beforeAll(async () => {
	t = await startTriggerTest({ requestsPerMinute: 0 });
});

afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Shipments', () => {
	it('a shipment that fails reports the status before, its order and the order id, in one request', async () => {
		const node = t.node({ source: 'shipments', shipmentEvents: ['shipmentFailed', 'shipmentDelivered'] });
		const staticData: IDataObject = {};
		expect((await t.poll(node, staticData)).empty).toBe(true);

		const [awb] = await t.sandbox.query(
			`select a.id, a.awb_number, a.order_id, o.order_number from public.awbs a join public.orders o on o.id = a.order_id
			where a.organization_id = $1 and a.status = 'in_transit' order by a.id limit 1`,
			[orgA()],
		);
		await t.sandbox.moveShipment({ awbId: String(awb.id), status: 'out_for_delivery' });
		const failed = await t.sandbox.moveShipment({ awbNumber: String(awb.awb_number), status: 'failed', notes: 'Customer not home' });
		const run = await t.poll(node, staticData);
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({
			event: 'shipmentFailed',
			status: 'failed',
			previousStatus: 'out_for_delivery',
			orderId: awb.order_id,
			shipment: { id: awb.id, awb_number: awb.awb_number, status: 'failed' },
			order: { id: awb.order_id, order_number: awb.order_number },
			log: { id: failed.id, notes: 'Customer not home' },
		});
		expect(run.requests.map((entry) => entry.path)).toEqual(['/rest/v1/awb_status_logs']);
		expect(run.requests[0].query).toMatchObject({ status: 'in.(failed,delivered)', order: 'timestamp.asc,id.asc', limit: '100' });
	});

	it("a shipment's first log row fires Shipment Status Changed with no previous status", async () => {
		const node = t.node({ source: 'shipments' });
		const staticData: IDataObject = {};
		expect((await t.poll(node, staticData)).empty).toBe(true);
		const [order] = await t.sandbox.query(`insert into public.orders (organization_id, order_status) values ($1, 'fulfilling') returning id`, [orgA()]);
		await t.sandbox.query(
			`insert into public.awbs (organization_id, awb_number, order_id, courier_name, status) values ($1, 'BST0000000001', $2, 'bosta', 'created')`,
			[orgA(), order.id],
		);
		const [awb] = await t.sandbox.query(`select id from public.awbs where awb_number = 'BST0000000001'`);
		await t.sandbox.moveShipment({ awbId: String(awb.id), status: 'created' });
		const run = await t.poll(node, staticData);
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({ event: 'shipmentStatusChanged', status: 'created', previousStatus: null, orderId: order.id });
	});
});

describe('Calls', () => {
	it('a call logged late, dated within the look-back, is emitted once; one dated before it is not seen', async () => {
		const node = t.node({ source: 'calls', callEvent: 'missedCall', overlapMinutes: 10 });
		const staticData: IDataObject = {};
		expect((await t.poll(node, staticData)).empty).toBe(true);

		const [latest] = await t.sandbox.logCalls({ org: 'a', status: 'missed' });
		await t.sandbox.logCalls({ org: 'a', status: 'answered' });
		const first = await t.poll(node, staticData);
		expect(first.items.map((item) => (item.call as IDataObject).id)).toEqual([latest.id]);
		expect(first.items[0].event).toBe('callMissed');

		// The PBX syncs calls dated 5 and 30 minutes before the newest call read.
		const at = (minutes: number) => new Date(Date.parse(String(latest.call_date)) - minutes * 60_000).toISOString();
		const [late] = await t.sandbox.logCalls({ org: 'a', status: 'missed', callDate: at(5) });
		await t.sandbox.logCalls({ org: 'a', status: 'missed', callDate: at(30) });
		const second = await t.poll(node, staticData);
		expect(second.items.map((item) => (item.call as IDataObject).id)).toEqual([late.id]);

		const idle = await t.poll(node, staticData);
		expect(idle.empty).toBe(true);
		expect(idle.requests).toHaveLength(1);
		expect(idle.requests[0].query).toMatchObject({ status: 'eq.missed', call_date: `gte.${at(10)}` });
	});
});

describe('Outbound Message Status', () => {
	it('a status change inside the window is emitted once, with its chat; a message older than the window is not seen', async () => {
		const [chat] = await t.sandbox.query(`select id, contact_name from public.chats where organization_id = $1 order by id limit 1`, [orgA()]);
		const send = async (hoursAgo: number) => {
			const [row] = await t.sandbox.query(
				`insert into public.messages (organization_id, chat_id, content, direction, status, created_at)
				values ($1, $2, 'Your order is on its way', 'outbound', 'sent', clock_timestamp() - $3::int * interval '1 hour') returning id`,
				[orgA(), chat.id, hoursAgo],
			);
			return String(row.id);
		};
		const recent = await send(2);
		const old = await send(30);
		const node = t.node({ source: 'messageStatus', messageStatuses: ['failed', 'read'], windowHours: 24 });
		const staticData: IDataObject = {};
		expect((await t.poll(node, staticData)).empty).toBe(true);

		await t.sandbox.setMessageStatus([recent, old], 'read');
		const run = await t.poll(node, staticData);
		expect(run.items.map((item) => [item.event, (item.message as IDataObject).id])).toEqual([['messageRead', recent]]);
		expect(run.items[0].chat).toMatchObject({ id: chat.id, contact_name: chat.contact_name });
		expect(run.requests).toHaveLength(1);
		expect((await t.poll(node, staticData)).empty).toBe(true);

		await t.sandbox.setMessageStatus([recent], 'failed');
		const again = await t.poll(node, staticData);
		expect(again.items.map((item) => [item.event, (item.message as IDataObject).id])).toEqual([['messageFailed', recent]]);
	});
});

describe('Updated Contacts', () => {
	it('names the changed fields when the previous version was seen; a new contact is not an update', async () => {
		const node = t.node({ source: 'updatedContacts' });
		const staticData: IDataObject = {};
		expect((await t.poll(node, staticData)).empty).toBe(true);
		const [contact] = await t.sandbox.query(`select id from public.customers where organization_id = $1 order by updated_at desc limit 1`, [orgA()]);
		await t.sandbox.query(`update public.customers set phone_number = '+201000009999', tags = '{vip}' where id = $1`, [contact.id]);
		await t.sandbox.query(`insert into public.customers (organization_id, first_name) values ($1, 'Brand new')`, [orgA()]);
		const run = await t.poll(node, staticData);
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({ event: 'contactUpdated', changedFields: ['phone_number', 'tags'], contact: { id: contact.id } });

		// Only updated_at moved: nothing changed.
		await t.sandbox.query(`update public.customers set notes = notes where id = $1`, [contact.id]);
		expect((await t.poll(node, staticData)).empty).toBe(true);
	});
});
