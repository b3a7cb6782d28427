/**
 * Return All over 2,500+ orders returns each exactly once within Nexus's 100-row page limit,
 * even when the sort column has ties; Limit is exact.
 */
import { apiRequests, header, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
let orgOrderIds: string[];
beforeAll(async () => {
	t = await startNexusTest();
	await t.sandbox.seedOrders({ org: 'a', count: 2600, sameUpdatedAt: '2026-01-01T00:00:00.000000+00:00' });
	await t.sandbox.seedOrders({ org: 'b', count: 300 });
	orgOrderIds = (await t.sandbox.query('select id from public.orders where organization_id = $1', [t.sandbox.orgs.a.id])).map((row) => row.id);
});
afterAll(async () => {
	await t?.close();
});

test('every order of the organization exactly once, at most 100 rows per request', async () => {
	const { items, error, requests } = await t.run({ resource: 'order', operation: 'getAll', returnAll: true });
	expect(error).toBeUndefined();
	const ids = items.map((item) => String(item.id));
	expect(ids).toHaveLength(orgOrderIds.length);
	expect(new Set(ids).size).toBe(ids.length);
	expect(new Set(ids)).toEqual(new Set(orgOrderIds));
	const pages = apiRequests(requests);
	expect(pages).toHaveLength(Math.ceil(orgOrderIds.length / 100));
	pages.forEach((page, index) => {
		expect(header(page, 'range')).toBe(`${index * 100}-${index * 100 + 99}`);
		expect(header(page, 'prefer')).toBe('count=exact');
		expect(page.query.order).toBe('created_at.desc,id.asc');
	});
});

test('sorting on a column where 2,600 rows tie still gives each row once (id tiebreaker)', async () => {
	const { items, error, requests } = await t.run({
		resource: 'order',
		operation: 'getAll',
		returnAll: true,
		options: { sort: { fields: [{ column: 'updated_at', direction: 'desc' }] } },
	});
	expect(error).toBeUndefined();
	expect(apiRequests(requests)[0].query.order).toBe('updated_at.desc,id.asc');
	const ids = items.map((item) => String(item.id));
	expect(new Set(ids).size).toBe(orgOrderIds.length);
	expect(ids).toHaveLength(orgOrderIds.length);
});

test.each([1, 100, 101, 250])('Limit %i returns exactly that many, asking only for what is missing', async (limit) => {
	const { items, error, requests } = await t.run({ resource: 'order', operation: 'getAll', returnAll: false, limit });
	expect(error).toBeUndefined();
	expect(items).toHaveLength(limit);
	const ranges = apiRequests(requests).map((page) => header(page, 'range'));
	const expected: string[] = [];
	for (let from = 0; from < limit; from += 100) expected.push(`${from}-${Math.min(from + 100, limit) - 1}`);
	expect(ranges).toEqual(expected);
	const newest = await t.sandbox.query(
		'select id from public.orders where organization_id = $1 order by created_at desc, id limit $2',
		[t.sandbox.orgs.a.id, limit],
	);
	expect(items.map((item) => item.id)).toEqual(newest.map((row) => row.id));
});
