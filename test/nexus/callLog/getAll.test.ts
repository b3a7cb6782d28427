/** Call Log → Get Many (call_logs). */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

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
