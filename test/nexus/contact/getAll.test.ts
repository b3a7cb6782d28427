/** Contact → Get Many (customers). */
import { apiRequests, header, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Contact → Get Many', () => {
	test('lists simplified customers newest first with a Limit, only of the own organization', async () => {
		const { items, error, requests } = await t.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 5 });
		expect(error).toBeUndefined();
		const [get] = apiRequests(requests);
		expect(get.query.order).toBe('created_at.desc,id.asc');
		expect(String(get.query.select).split(',')).toContain('phone_number');
		expect(get.query.limit).toBe('5');
		expect(header(get, 'prefer')).toBeUndefined();
		expect(items).toHaveLength(5);
		expect(items[0]).not.toHaveProperty('address');
		const ids = (await t.sandbox.query(`select id from public.customers where organization_id = $1 order by created_at desc, id limit 5`, [orgA()])).map((r) => r.id);
		expect(items.map((item) => item.id)).toEqual(ids);
	});

	test('Return All with a filter and Simplify off returns every matching row with all columns', async () => {
		const { items, error, requests } = await t.run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
			filters: { conditions: [{ column: 'customer_label', operator: 'in', value: 'vip, wholesale' }] },
		});
		expect(error).toBeUndefined();
		const [get] = apiRequests(requests);
		expect(get.query.customer_label).toBe('in.(vip,wholesale)');
		const expected = await t.sandbox.query(
			`select id from public.customers where organization_id = $1 and customer_label in ('vip','wholesale') order by created_at desc, id`,
			[orgA()],
		);
		expect(items.map((item) => item.id)).toEqual(expected.map((r) => r.id));
		expect(items[0]).toHaveProperty('address');
	});
});
