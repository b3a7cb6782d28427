/** Shipment → Get Many (awbs). */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Shipment', () => {
	test('Get Many lists AWBs newest first', async () => {
		const { items, error, requests } = await t.run({ resource: 'shipment', operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0]).toMatchObject({ path: '/rest/v1/awbs', query: { order: 'created_at.desc,id.asc' } });
		const expected = await t.sandbox.query(`select id from public.awbs where organization_id = $1 order by created_at desc, id`, [orgA()]);
		expect(items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
	});
});
