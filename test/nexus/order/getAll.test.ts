/** Order → Get Many (orders, order_items). */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Order → Get Many', () => {
	test('filters by status from the dropdown and embeds line items on request', async () => {
		const { items, error, requests } = await t.run({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			orderStatuses: ['pending', 'confirmed'],
			includeLineItems: true,
		});
		expect(error).toBeUndefined();
		const [get] = apiRequests(requests);
		expect(get.query.order_status).toBe('in.(pending,confirmed)');
		expect(get.query.order).toBe('created_at.desc,id.asc');
		// The key columns ride along as text under their own aliases (and are taken off the output).
		expect(String(get.query.select)).toMatch(/^id,order_number,order_status,.*,order_items\(\*\),nexus_keyset_0:created_at::text,nexus_keyset_1:id::text$/);
		const expected = await t.sandbox.query(
			`select id from public.orders where organization_id = $1 and order_status in ('pending','confirmed') order by created_at desc, id`,
			[orgA()],
		);
		expect(items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
		expect(items.every((item) => Array.isArray(item.order_items))).toBe(true);
	});

	test('sorts by several columns and combines filters with OR', async () => {
		const { items, error, requests } = await t.run({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			filters: {
				conditions: [
					{ column: 'order_status', operator: 'eq', value: 'shipped' },
					{ column: 'total_amount', operator: 'gte', value: '1000' },
				],
			},
			options: { match: 'or', sort: { fields: [{ column: 'order_status', direction: 'asc' }, { column: 'total_amount', direction: 'desc' }] } },
		});
		expect(error).toBeUndefined();
		const [get] = apiRequests(requests);
		expect(get.query.or).toBe('(order_status.eq.shipped,total_amount.gte.1000)');
		expect(get.query.order).toBe('order_status.asc,total_amount.desc,id.asc');
		const expected = await t.sandbox.query(
			`select id from public.orders where organization_id = $1 and (order_status = 'shipped' or total_amount >= 1000) order by order_status, total_amount desc, id`,
			[orgA()],
		);
		expect(items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
	});
});
