/**
 * Shipment (awbs) get many / by AWB number / status history (awb_status_logs); Call Log get many;
 * Call initiate.
 */
import { apiRequests, expectInputError, startNexusTest, type NexusTest } from '../helpers';

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
	test('Get Many lists AWBs newest first', async () => {
		const { items, error, requests } = await t.run({ resource: 'shipment', operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0]).toMatchObject({ path: '/rest/v1/awbs', query: { order: 'created_at.desc,id.asc' } });
		const expected = await t.sandbox.query(`select id from public.awbs where organization_id = $1 order by created_at desc, id`, [orgA()]);
		expect(items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
	});

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

describe('Call Log → Get Many', () => {
	test('lists calls newest first, filtered by status', async () => {
		const { items, error, requests } = await t.run({
			resource: 'callLog',
			operation: 'getAll',
			returnAll: true,
			filters: { conditions: [{ column: 'status', operator: 'in', value: 'missed,busy' }] },
		});
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0].query).toMatchObject({ status: 'in.(missed,busy)', order: 'call_date.desc,id.asc' });
		const expected = await t.sandbox.query(
			`select id from public.call_logs where organization_id = $1 and status in ('missed','busy') order by call_date desc, id`,
			[orgA()],
		);
		expect(items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
	});
});

describe('Call → Initiate', () => {
	test('dials the E.164 number and the call is logged', async () => {
		const { items, error, requests } = await t.run({ resource: 'call', operation: 'initiate', phoneNumber: '0100-777-8899', defaultCountryCode: '20', options: { extension: '102' } });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0]).toMatchObject({ path: '/functions/v1/call-initiate', body: { phone_number: '+201007778899', extension: '102' } });
		expect(items[0]).toMatchObject({ success: true, called_number: '+201007778899' });
		expect(await t.sandbox.query('select called_number, direction from public.call_logs where id = $1', [items[0].call_id])).toEqual([
			{ called_number: '+201007778899', direction: 'outbound' },
		]);
	});

	test('on a plan without VoIP the plan limit is explained', async () => {
		const run = await t.run({ resource: 'call', operation: 'initiate', phoneNumber: '+201007778899' }, { credential: t.org('b') });
		expect(run.error?.message).toMatch(/^VoIP calling is not available on the starter plan/);
		expect(run.error?.description).toMatch(/^Nexus API error 403 \(plan_limit_exceeded\): VoIP calling/);
		expect(run.error?.description).toMatch(/plan/);
	});

	test('a number that is not a phone number is refused before sending', async () => {
		expectInputError(await t.run({ resource: 'call', operation: 'initiate', phoneNumber: 'call me' }), /^Phone Number "call me" is not a valid phone number/);
	});
});
