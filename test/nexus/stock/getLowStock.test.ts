/** Stock → Get Low Stock (stock_balances). */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Stock', () => {
	test('Get Low Stock returns balances with available below the threshold, lowest first', async () => {
		const { items, error, requests } = await t.run({ resource: 'stock', operation: 'getLowStock', threshold: 10, returnAll: true });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0].query).toMatchObject({ available_quantity: 'lt.10', order: 'available_quantity.asc,id.asc' });
		const expected = await t.sandbox.query(
			`select id from public.stock_balances where organization_id = $1 and available_quantity < 10 order by available_quantity, id`,
			[orgA()],
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
	});
});
