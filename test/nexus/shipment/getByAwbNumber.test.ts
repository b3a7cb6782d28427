/** Shipment → Get by AWB Number (awbs). */
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
	test('Get by AWB Number finds the shipment', async () => {
		const awb = await deliveredAwb();
		const { items, error, requests } = await t.run({ resource: 'shipment', operation: 'getByAwbNumber', awbNumber: awb.awb_number });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0].query).toEqual({ awb_number: `eq.${awb.awb_number}` });
		expect(items).toEqual([expect.objectContaining({ id: awb.id, awb_number: awb.awb_number, status: 'delivered' })]);
	});

	test('an unknown AWB number is a 406 naming the shipment', async () => {
		const run = await t.run({ resource: 'shipment', operation: 'getByAwbNumber', awbNumber: 'BST0000000000' });
		expect(run.error?.message).toBe('No shipment with this AWB number');
		expect(run.error?.description).toMatch(/^Nexus API error 406 \(PGRST116\)/);
		expect(run.error?.description).toMatch(/shipment with this AWB number/);
	});
});
