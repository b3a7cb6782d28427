/**
 * Return All over 2,500+ orders returns each exactly once within Nexus's 100-row page limit,
 * even when the sort column has ties; Limit is exact. Pages are asked for by key (after the last
 * row read), without an exact count.
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
	// Full pages, then the short one that ends the listing (an empty one when the count is a multiple of 100).
	expect(pages).toHaveLength(Math.floor(orgOrderIds.length / 100) + 1);
	pages.forEach((page, index) => {
		expect(page.query.limit).toBe('100');
		expect(header(page, 'range')).toBeUndefined();
		expect(header(page, 'prefer')).toBeUndefined();
		expect(page.query.order).toBe('created_at.desc,id.asc');
		// Page 1 has no key condition; every later page starts after the last row of the one before.
		expect(page.query.or === undefined).toBe(index === 0);
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
	const asked = apiRequests(requests).map((page) => page.query.limit);
	const expected: string[] = [];
	for (let from = 0; from < limit; from += 100) expected.push(String(Math.min(100, limit - from)));
	expect(asked).toEqual(expected);
	const newest = await t.sandbox.query(
		'select id from public.orders where organization_id = $1 order by created_at desc, id limit $2',
		[t.sandbox.orgs.a.id, limit],
	);
	expect(items.map((item) => item.id)).toEqual(newest.map((row) => row.id));
});
