import type { IDataObject } from 'n8n-workflow';

import { countById, snapshot, startTriggerTest, type TriggerTest } from './helpers';

/**
 * The Nexus Trigger's order events, polled through n8n's PollContext against the Nexus sandbox:
 * baseline, keyset paging over (updated_at, id), status transitions, failures, manual mode,
 * organization isolation and token reuse.
 */

let t: TriggerTest;

beforeAll(async () => {
	// The rate limit is not under test here; many polls run back to back.
	t = await startTriggerTest({ requestsPerMinute: 0 });
});

afterAll(async () => {
	await t?.close();
});

async function newOrder(status = 'pending', org: 'a' | 'b' = 'a'): Promise<string> {
	const [id] = await t.sandbox.seedOrders({ org, count: 1, status });
	return id;
}

async function setStatus(id: string, status: string): Promise<void> {
	await t.sandbox.touchOrders({ ids: [id], status });
}

async function addLineItem(orderId: string, sku: string, qty: number): Promise<void> {
	await t.sandbox.query(`insert into public.order_items (order_id, sku, name, qty, unit_price) values ($1, $2, $3, $4, 10)`, [
		orderId,
		sku,
		`Item ${sku}`,
		qty,
	]);
}

async function addAwb(orderId: string, awbNumber: string): Promise<void> {
	await t.sandbox.query(
		`insert into public.awbs (organization_id, order_id, awb_number, courier_name) select organization_id, id, $2, 'bosta' from public.orders where id = $1`,
		[orderId, awbNumber],
	);
}

function eventsOf(items: IDataObject[]) {
	return items.map((item) => ({
		event: item.event,
		orderId: (item.order as IDataObject).id,
		...(item.newStatus !== undefined ? { previousStatus: item.previousStatus, newStatus: item.newStatus } : {}),
	}));
}

describe('first activation', () => {
	it('records a baseline and emits nothing; the next change is emitted with its line items', async () => {
		const existing = await newOrder('pending');
		const node = t.node({ events: ['orderCreated'] });
		const staticData: IDataObject = {};

		const first = await t.poll(node, staticData);
		expect(first.empty).toBe(true);
		// The baseline reads the newest order (one request), then the recent statuses.
		const baselineRequest = t.ordersRequests(first.requests)[0];
		expect(baselineRequest.query).toMatchObject({ select: 'id,updated_at', order: 'updated_at.desc,id.desc', limit: '1' });
		const [newest] = await t.sandbox.query(`select id, updated_at from public.orders where organization_id = $1 order by updated_at desc, id desc limit 1`, [
			t.sandbox.orgs.a.id,
		]);
		expect(newest.id).toBe(existing);

		const created = await newOrder('pending');
		await addLineItem(created, 'TSH-M', 2);
		await addLineItem(created, 'CAP-BLK', 1);
		const second = await t.poll(node, staticData);
		expect(eventsOf(second.items)).toEqual([{ event: 'orderCreated', orderId: created }]);
		const order = second.items[0].order as IDataObject;
		expect(order.order_status).toBe('pending');
		expect((order.order_items as IDataObject[]).map((item) => [item.sku, item.qty])).toEqual([
			['TSH-M', 2],
			['CAP-BLK', 1],
		]);
		// One keyset page from the baseline's (updated_at, id), its line items embedded.
		const [page] = t.ordersRequests(second.requests);
		expect(t.ordersRequests(second.requests)).toHaveLength(1);
		expect(page.query.order).toBe('updated_at.asc,id.asc');
		expect(page.query.limit).toBe('100');
		expect(page.query.or).toContain(`and(updated_at.eq."`);
		expect(page.query.or).toContain(`id.gt.${existing})`);
		expect(page.query.select).toBe('*,order_items(*)');
		expect(second.requests.filter((entry) => entry.path === '/rest/v1/order_items')).toHaveLength(0);
	});

	it('with "Emit Recent Changes on Activation" emits the orders changed in the last minutes instead', async () => {
		const old = await newOrder('confirmed');
		const [{ tenMinutesAgo }] = await t.sandbox.query(
			`select to_char((now() - interval '10 minutes') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"') as "tenMinutesAgo"`,
		);
		await t.sandbox.touchOrders({ ids: [old], updatedAt: tenMinutesAgo });
		const recent = await newOrder('confirmed');
		const node = t.node({ events: ['orderUpdated'], options: { lookbackMinutes: 5 } });
		const staticData: IDataObject = {};
		const first = await t.poll(node, staticData);
		const ids = first.items.map((item) => (item.order as IDataObject).id);
		expect(ids).toContain(recent);
		expect(ids).not.toContain(old);
		expect(new Set(ids).size).toBe(ids.length);
		// The window starts 5 minutes before the server's clock (its Date header), inclusive.
		const scan = t.ordersRequests(first.requests).find((entry) => String(entry.query.updated_at).startsWith('gte.'));
		expect(scan?.query).toMatchObject({ order: 'updated_at.asc,id.asc', limit: '100' });
		const again = await t.poll(node, staticData);
		expect(again.empty).toBe(true);
	});
});

describe('polling', () => {
	it('an idle poll is one request and changes nothing', async () => {
		const node = t.node({ events: ['orderUpdated', 'orderStatusChanged'] });
		const staticData: IDataObject = {};
		await t.poll(node, staticData);
		const before = snapshot(staticData);
		const idle = await t.poll(node, staticData);
		expect(idle.empty).toBe(true);
		expect(idle.requests).toHaveLength(1);
		expect(idle.requests[0].path).toBe('/rest/v1/orders');
		expect(staticData).toEqual(before);
	});

	it('status sequence pending→confirmed→fulfilling→shipped→delivered yields exactly the selected events', async () => {
		const everyStatusEvent = t.node({ events: ['orderStatusChanged', 'orderShipped', 'orderDelivered', 'orderCancelled'] });
		const shippedOnly = t.node({ events: ['orderShipped'] });
		const confirmedToFulfilling = t.node({
			events: ['orderStatusChanged'],
			fromStatuses: ['confirmed'],
			toStatuses: ['fulfilling'],
		});
		const nodes = [everyStatusEvent, shippedOnly, confirmedToFulfilling];
		const states: IDataObject[] = nodes.map(() => ({}));
		for (let i = 0; i < nodes.length; i++) expect((await t.poll(nodes[i], states[i])).empty).toBe(true);

		const id = await newOrder('pending');
		await addLineItem(id, 'MUG-1', 3);
		const pollAll = async () => await Promise.all(nodes.map(async (node, i) => eventsOf((await t.poll(node, states[i])).items)));
		// A new order is not a status change: none of these nodes fires.
		expect(await pollAll()).toEqual([[], [], []]);

		await setStatus(id, 'confirmed');
		expect(await pollAll()).toEqual([[{ event: 'orderStatusChanged', orderId: id, previousStatus: 'pending', newStatus: 'confirmed' }], [], []]);

		await setStatus(id, 'fulfilling');
		const fulfilling = { event: 'orderStatusChanged', orderId: id, previousStatus: 'confirmed', newStatus: 'fulfilling' };
		expect(await pollAll()).toEqual([[fulfilling], [], [fulfilling]]);

		await addAwb(id, 'AWB-77001');
		await setStatus(id, 'shipped');
		const start = t.sandbox.requests.entries.length;
		const shipped = await Promise.all(nodes.map(async (node, i) => (await t.poll(node, states[i])).items));
		const transition = { orderId: id, previousStatus: 'fulfilling', newStatus: 'shipped' };
		expect(shipped.map(eventsOf)).toEqual([
			[
				{ event: 'orderStatusChanged', ...transition },
				{ event: 'orderShipped', ...transition },
			],
			[{ event: 'orderShipped', ...transition }],
			[],
		]);
		const shippedItem = shipped[1][0];
		expect(shippedItem.awb).toMatchObject({ awb_number: 'AWB-77001', courier_name: 'bosta', order_id: id });
		expect(((shippedItem.order as IDataObject).order_items as IDataObject[]).map((item) => item.sku)).toEqual(['MUG-1']);
		// AWBs are looked up only by the nodes that emit Order Shipped, in one batched request each.
		const awbRequests = t.sandbox.requests.entries.slice(start).filter((entry) => entry.path === '/rest/v1/awbs');
		expect(awbRequests).toHaveLength(2);
		expect(awbRequests.every((entry) => entry.query.order_id === `in.(${id})`)).toBe(true);

		await setStatus(id, 'delivered');
		const delivered = { orderId: id, previousStatus: 'shipped', newStatus: 'delivered' };
		expect(await pollAll()).toEqual([
			[
				{ event: 'orderStatusChanged', ...delivered },
				{ event: 'orderDelivered', ...delivered },
			],
			[],
			[],
		]);

		// An update that does not change the status fires no status event.
		await t.sandbox.touchOrders({ ids: [id] });
		expect(await pollAll()).toEqual([[], [], []]);
	});

	it('an order that existed before activation reports its previous status on its first change', async () => {
		const id = await newOrder('fulfilling');
		const node = t.node({ events: ['orderShipped'] });
		const staticData: IDataObject = {};
		await t.poll(node, staticData);
		await setStatus(id, 'shipped');
		const run = await t.poll(node, staticData);
		expect(eventsOf(run.items)).toEqual([{ event: 'orderShipped', orderId: id, previousStatus: 'fulfilling', newStatus: 'shipped' }]);
		expect(run.items[0].awb).toBeNull();
	});

	it('an order created and shipped between two polls (e.g. while n8n was down) yields Order Shipped once', async () => {
		const node = t.node({ events: ['orderShipped'] });
		const staticData: IDataObject = {};
		await t.poll(node, staticData);
		const id = await newOrder('pending');
		await addAwb(id, 'AWB-77002');
		await setStatus(id, 'shipped');
		const run = await t.poll(node, staticData);
		expect(eventsOf(run.items)).toEqual([{ event: 'orderShipped', orderId: id, previousStatus: null, newStatus: 'shipped' }]);
		expect(run.items[0].awb).toMatchObject({ awb_number: 'AWB-77002' });
		// An order created directly as shipped (never changed) is a new order, not a shipping.
		await newOrder('shipped');
		const next = await t.poll(node, staticData);
		expect(next.empty).toBe(true);
		expect(t.ordersRequests(next.requests)[0].status).toBe(200);
	});

	it('300 orders with the same updated_at across page boundaries: none missed, none repeated', async () => {
		const node = t.node({ events: ['orderUpdated'], options: { includeLineItems: false } });
		const staticData: IDataObject = {};
		await t.poll(node, staticData);

		const before = await t.sandbox.seedOrders({ org: 'a', count: 50 });
		const [{ instant }] = await t.sandbox.query(
			`select to_char((max(updated_at) + interval '2 milliseconds') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"') as instant from public.orders`,
		);
		const same = await t.sandbox.seedOrders({ org: 'a', count: 300, sameUpdatedAt: instant });
		await new Promise((resolve) => setTimeout(resolve, 10));
		const after = await t.sandbox.seedOrders({ org: 'a', count: 30 });
		const [{ n }] = await t.sandbox.query(`select count(*)::int as n from public.orders where updated_at = $1::timestamptz`, [instant]);
		expect(n).toBe(300);

		const run = await t.poll(node, staticData);
		const counts = countById(run.items);
		expect(run.items).toHaveLength(380);
		expect([...counts.values()].every((count) => count === 1)).toBe(true);
		expect([...counts.keys()].sort()).toEqual([...before, ...same, ...after].sort());
		// 380 rows: pages of 100, 100, 100, 80; pages 2 to 4 start inside the group sharing one instant.
		const pages = t.ordersRequests(run.requests);
		expect(pages).toHaveLength(4);
		for (const page of pages.slice(1, 3)) {
			expect(page.query.or).toMatch(/^\(updated_at\.gt\."[^"]+",and\(updated_at\.eq\."[^"]+",id\.gt\.[0-9a-f-]{36}\)\)$/);
			const at = /updated_at\.gt\."([^"]+)"/.exec(String(page.query.or))?.[1] as string;
			expect(new Date(at).getTime()).toBe(new Date(instant).getTime());
		}

		const idle = await t.poll(node, staticData);
		expect(idle.empty).toBe(true);
		expect(idle.requests).toHaveLength(1);
	});

	it('a poll that fails on its 2nd page emits nothing and saves nothing; the next poll emits everything once', async () => {
		const node = t.node({ events: ['orderUpdated'], options: { includeLineItems: false } });
		const staticData: IDataObject = {};
		await t.poll(node, staticData);
		const baseline = snapshot(staticData);

		const ids = await t.sandbox.seedOrders({ org: 'a', count: 250 });
		// A 500 is not repeated by the transport: the poll fails on the second page.
		t.sandbox.faults.add({ kind: 'status', status: 500, method: 'GET', pathIncludes: '/rest/v1/orders', skip: 1, count: 1 });
		const failed = await t.failingPoll(node, staticData);
		expect((failed.error as Error & { description?: string }).description).toContain('Nexus API error 500');
		const failedPages = t.ordersRequests(failed.requests);
		expect(failedPages.map((entry) => entry.status)).toEqual([200, 500]);
		expect(staticData).toEqual(baseline);

		const retry = await t.poll(node, staticData);
		const counts = countById(retry.items);
		expect(retry.items).toHaveLength(250);
		expect([...counts.keys()].sort()).toEqual([...ids].sort());
		expect([...counts.values()].every((count) => count === 1)).toBe(true);
		// The retry starts from the same cursor as the failed poll did.
		expect(t.ordersRequests(retry.requests)[0].rawQuery).toBe(failedPages[0].rawQuery);
	});
});

describe('Fetch test event (manual mode)', () => {
	it('returns the latest matching order and leaves the cursor unchanged', async () => {
		const id = await newOrder('fulfilling');
		const node = t.node({ events: ['orderShipped'] });
		const staticData: IDataObject = {};
		await t.poll(node, staticData);

		await addAwb(id, 'AWB-88002');
		await setStatus(id, 'shipped');
		await newOrder('pending'); // newer, but not shipped
		const before = snapshot(staticData);
		const manual = await t.poll(node, staticData, 'manual');
		expect(eventsOf(manual.items)).toEqual([{ event: 'orderShipped', orderId: id, previousStatus: 'fulfilling', newStatus: 'shipped' }]);
		expect(manual.items[0].awb).toMatchObject({ awb_number: 'AWB-88002' });
		const [request] = t.ordersRequests(manual.requests);
		expect(request.query).toMatchObject({ order_status: 'in.(shipped)', order: 'updated_at.desc,id.desc', limit: '1' });
		expect(staticData).toEqual(before);

		// The cursor did not move: the active trigger still emits the shipment.
		const run = await t.poll(node, staticData);
		expect(eventsOf(run.items)).toEqual([{ event: 'orderShipped', orderId: id, previousStatus: 'fulfilling', newStatus: 'shipped' }]);
	});
});

describe('organizations and credentials', () => {
	it("org b's orders never appear for org a's key", async () => {
		t.addCredential('org-b', 'b');
		const nodeA = t.node({ events: ['orderCreated', 'orderUpdated'] });
		const nodeB = t.node({ events: ['orderCreated'] }, 'org-b');
		const stateA: IDataObject = {};
		const stateB: IDataObject = {};
		await t.poll(nodeA, stateA);
		await t.poll(nodeB, stateB);

		const orderB = await newOrder('pending', 'b');
		await t.sandbox.touchOrders({ org: 'b', count: 5, status: 'confirmed' });
		const idleA = await t.poll(nodeA, stateA);
		expect(idleA.empty).toBe(true);
		const manualA = await t.poll(t.node({ events: ['orderUpdated'] }), {}, 'manual');
		expect((manualA.items[0].order as IDataObject).organization_id).toBe(t.sandbox.orgs.a.id);

		const runB = await t.poll(nodeB, stateB);
		expect(eventsOf(runB.items)).toEqual([{ event: 'orderCreated', orderId: orderB }]);

		const orderA = await newOrder('pending', 'a');
		const runA = await t.poll(nodeA, stateA);
		expect(runA.items.map((item) => (item.order as IDataObject).id)).toEqual([orderA, orderA]);
		expect(runA.items.every((item) => (item.order as IDataObject).organization_id === t.sandbox.orgs.a.id)).toBe(true);
	});

	it('reuses one JWT across polls and exchanges the key again only after a 401', async () => {
		t.addCredential('token-reuse', 'a');
		const node = t.node({ events: ['orderUpdated'] }, 'token-reuse');
		const staticData: IDataObject = {};
		// A token for this key may already be shared from earlier tests: expire it, so the first
		// poll pays one 401 and one exchange and the next four reuse the new token.
		t.sandbox.expireTokens();
		const exchangesBefore = t.sandbox.authExchanges();
		const runs = [];
		for (let i = 0; i < 5; i++) runs.push(await t.poll(node, staticData));
		expect(t.sandbox.authExchanges() - exchangesBefore).toBe(1);
		const rest = runs
			.flatMap((run) => run.requests)
			.filter((entry) => entry.path.startsWith('/rest/v1/') && entry.status !== 401);
		expect(new Set(rest.map((entry) => entry.headers.authorization)).size).toBe(1);
		expect(rest.every((entry) => entry.headers.apikey === t.sandbox.anonKey)).toBe(true);

		t.sandbox.expireTokens();
		const after = await t.poll(node, staticData);
		expect(after.empty).toBe(true);
		expect(t.sandbox.authExchanges() - exchangesBefore).toBe(2);
		expect(t.ordersRequests(after.requests).map((entry) => entry.status)).toEqual([401, 200]);
	});
});

describe('input checks', () => {
	it('no event selected: an error naming Events, nothing sent', async () => {
		const node = t.node({ events: [] });
		const failed = await t.failingPoll(node, {});
		expect(failed.error.message).toContain('Events');
		expect(failed.requests).toHaveLength(0);
	});
});
