import type { IDataObject } from 'n8n-workflow';

import { countById, startTriggerTest, type TriggerTest } from './helpers';

/**
 * A burst: 10,000 orders changed between two polls. The next poll pages through them at Nexus's
 * 100-row maximum and emits each exactly once.
 *
 * How requests are counted: `/rest/v1/orders` requests are the order scan (≤ 101 for 10,000
 * orders). Line items are embedded in those pages (`select=*,order_items(*)`), so the whole burst
 * costs at most 102 requests; AWBs are looked up on `/rest/v1/awbs` with one `in.(…)` request
 * per page, only for Order Shipped events, never one request per order.
 */

let t: TriggerTest;

beforeAll(async () => {
	// Well above the default 100 requests per minute, so the burst is not slowed by 429s.
	t = await startTriggerTest({ requestsPerMinute: 100_000 });
});

afterAll(async () => {
	await t?.close();
});

it('10,000 orders changed between two polls are all emitted exactly once, line items embedded, in at most 102 requests', async () => {
	const orgA = t.sandbox.orgs.a.id;
	const ids = await t.sandbox.seedOrders({ org: 'a', count: 10_000, status: 'pending' });
	const node = t.node({ events: ['orderUpdated', 'orderStatusChanged'] });
	const staticData: IDataObject = {};
	const baseline = await t.poll(node, staticData);
	expect(baseline.empty).toBe(true);

	// One UPDATE changes all 10,000 (one transaction: they also share one updated_at).
	const touched = await t.sandbox.touchOrders({ ids, status: 'confirmed' });
	expect(touched).toHaveLength(10_000);
	const [{ instants }] = await t.sandbox.query(`select count(distinct updated_at)::int as instants from public.orders where id = any($1::uuid[])`, [
		ids,
	]);
	expect(instants).toBe(1);
	// A few line items, so the batched lookup has something to attach.
	await t.sandbox.query(
		`insert into public.order_items (order_id, sku, name, qty, unit_price) select id, 'SKU-' || left(id::text, 8), 'Line', 1, 5 from public.orders where id = any($1::uuid[])`,
		[ids.slice(0, 150)],
	);

	const run = await t.poll(node, staticData);
	const updates = run.items.filter((item) => item.event === 'orderUpdated');
	const statusChanges = run.items.filter((item) => item.event === 'orderStatusChanged');
	const counts = countById(updates);
	expect(updates).toHaveLength(10_000);
	expect(counts.size).toBe(10_000);
	expect([...counts.values()].every((count) => count === 1)).toBe(true);
	expect(new Set(counts.keys())).toEqual(new Set(ids));
	expect(updates.every((item) => (item.order as IDataObject).organization_id === orgA)).toBe(true);
	// The baseline remembered the 5,000 most recently changed orders: those report "pending"; the
	// other 5,000 are older than the trigger's memory and report an unknown previous status.
	expect(statusChanges).toHaveLength(10_000);
	expect(statusChanges.filter((item) => item.previousStatus === 'pending')).toHaveLength(5000);
	expect(statusChanges.filter((item) => item.previousStatus === null)).toHaveLength(5000);
	expect(statusChanges.every((item) => item.newStatus === 'confirmed')).toBe(true);
	const withLines = updates.filter((item) => ((item.order as IDataObject).order_items as IDataObject[]).length === 1);
	expect(withLines).toHaveLength(150);

	const orderRequests = t.ordersRequests(run.requests);
	expect(orderRequests.length).toBeLessThanOrEqual(101);
	expect(orderRequests.every((entry) => entry.query.limit === '100' && entry.status === 200)).toBe(true);
	// Line items come embedded in the order pages (PostgREST resource embedding): no request of their own.
	expect(run.requests.filter((entry) => entry.path === '/rest/v1/order_items')).toHaveLength(0);
	expect(orderRequests.every((entry) => /(^|,)order_items\(/.test(String(entry.query.select)))).toBe(true);
	// Everything the burst cost, the agent key exchange included.
	expect(run.requests.length).toBeLessThanOrEqual(102);
	expect(run.requests.filter((entry) => entry.path === '/rest/v1/awbs')).toHaveLength(0);

	const idle = await t.poll(node, staticData);
	expect(idle.empty).toBe(true);
	expect(idle.requests).toHaveLength(1);
	// The cursor is the last row read; at most the bounded number of boundary ids is kept.
	const state = (staticData['node:Nexus Trigger'] as IDataObject).nexusOrders as IDataObject;
	expect(Object.keys(state.remembered as IDataObject)).toHaveLength(5000);
	expect((state.boundaryIds as string[]).length).toBe(1000);
});
