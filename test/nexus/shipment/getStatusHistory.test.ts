/** Shipment → Get Status History (awb_status_logs). */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

const deliveredAwb = async () =>
	(await t.sandbox.query(`select id, awb_number from public.awbs where organization_id = $1 and status = 'delivered' limit 1`, [orgA()]))[0];

describe('Shipment', () => {
	test.each(['number', 'id'])('Get Status History by AWB %s returns the events newest first', async (by) => {
		const awb = await deliveredAwb();
		const { items, error, requests } = await t.run({ resource: 'shipment', operation: 'getStatusHistory', awb: by === 'id' ? awb.id : awb.awb_number });
		expect(error).toBeUndefined();
		const logs = apiRequests(requests).filter((entry) => entry.path === '/rest/v1/awb_status_logs');
		expect(logs[0].query).toMatchObject({ awb_id: `eq.${awb.id}`, order: 'timestamp.desc,id.asc' });
		expect(apiRequests(requests).filter((entry) => entry.path === '/rest/v1/awbs')).toHaveLength(by === 'id' ? 0 : 1);
		expect(items.map((item) => item.status)).toEqual(['delivered', 'in_transit', 'picked_up', 'created']);
	});
});
