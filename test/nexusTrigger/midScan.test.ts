import type { IDataObject } from 'n8n-workflow';

import { countById, startTriggerTest, type TriggerTest } from './helpers';
import { changeBeforeScanRequest } from './midScan';

/**
 * A change that lands in the middle of a scan: a row whose page was already read is changed
 * before the next page is read. Its timestamp moves ahead of the scan, so the same scan reads it
 * again. That second reading is judged against what the scan saw the first time: an order is
 * created once, its previous status is the one read earlier in the scan, a row that did not
 * change emits nothing more, and a status change emits exactly its own events.
 *
 * Rows that share one timestamp (one bulk write) span pages of 100, as in a real burst; the
 * shared instant has six fractional digits, so each page's cursor must carry them back exactly.
 */

let t: TriggerTest;

beforeAll(async () => {
	t = await startTriggerTest({ requestsPerMinute: 0 });
});

afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

/**
 * An instant just after every `column` of `table` (so after any cursor taken so far) whose six
 * fractional digits do not end in 0, so Postgres writes all six.
 */
async function nextSharedInstant(table: string, column: string): Promise<string> {
	const [{ at }] = await t.sandbox.query(
		`select (max(${column}) + interval '1 microsecond' * (case when extract(microseconds from max(${column}))::bigint % 10 = 9 then 2 else 1 end))::text as at
		from public.${table}`,
	);
	return String(at);
}

/** An instant after every `column` of `table`: the timestamp a change made now is given. */
async function afterEvery(table: string, column: string): Promise<string> {
	const [{ at }] = await t.sandbox.query(`select (max(${column}) + interval '1 microsecond')::text as at from public.${table}`);
	return String(at);
}

/** 250 orders written by one statement: created and last updated at one shared instant. */
async function bulkOrders(count: number, status = 'pending'): Promise<{ ids: string[]; at: string }> {
	const at = await nextSharedInstant('orders', 'updated_at');
	const rows = await t.sandbox.query(
		`insert into public.orders (organization_id, order_status, currency, created_at, updated_at)
		select $1, $2, 'EGP', $3::timestamptz, $3::timestamptz from generate_series(1, $4::int)
		returning id`,
		[orgA(), status, at, count],
	);
	return { ids: rows.map((row) => String(row.id)).sort(), at };
}

function eventsOf(items: IDataObject[], orderId: string) {
	return items
		.filter((item) => (item.order as IDataObject).id === orderId)
		.map((item) => ({
			event: item.event,
			...(item.newStatus !== undefined ? { previousStatus: item.previousStatus, newStatus: item.newStatus } : {}),
		}));
}

const ordersPath = '/rest/v1/orders';

describe('Orders', () => {
	it('250 new orders sharing one updated_at, one confirmed after page 1 was read: each created once, one status change pending → confirmed', async () => {
		const node = t.node({ events: ['orderCreated', 'orderStatusChanged'], options: { includeLineItems: false } });
		const staticData: IDataObject = {};
		expect((await t.poll(node, staticData)).empty).toBe(true);

		const { ids, at } = await bulkOrders(250);
		// In (updated_at, id) order the 50th order is on the first page of 100.
		const confirmed = ids[49];
		const confirmedAt = await afterEvery('orders', 'updated_at');
		const change = changeBeforeScanRequest(t.sandbox, ordersPath, 1, async () =>
			await t.sandbox.touchOrders({ ids: [confirmed], status: 'confirmed', updatedAt: confirmedAt }),
		);
		const run = await t.poll(node, staticData);
		await change.landed();
		const [row] = await t.sandbox.query(`select order_status, updated_at > $2::timestamptz as later from public.orders where id = $1`, [confirmed, at]);
		expect(row).toEqual({ order_status: 'confirmed', later: true });

		expect(eventsOf(run.items, confirmed)).toEqual([
			{ event: 'orderCreated' },
			{ event: 'orderStatusChanged', previousStatus: 'pending', newStatus: 'confirmed' },
		]);
		const created = run.items.filter((item) => item.event === 'orderCreated');
		const counts = countById(created);
		expect(created).toHaveLength(250);
		expect([...counts.keys()].sort()).toEqual(ids);
		expect([...counts.values()].every((count) => count === 1)).toBe(true);
		expect(run.items).toHaveLength(251);

		// Pages of 100, 100, then 50 plus the confirmed order read again at its new updated_at.
		const pages = t.ordersRequests(run.requests);
		expect(pages).toHaveLength(3);
		// Each page's cursor is the previous page's last row, its timestamp sent back as received.
		const lastOfPage1 = created[99].order as IDataObject;
		const sentAt = String(lastOfPage1.updated_at);
		expect(sentAt).toMatch(/\.\d{6}\+00:00$/);
		expect(pages[1].query.or).toBe(`(updated_at.gt."${sentAt}",and(updated_at.eq."${sentAt}",id.gt.${ids[99]}))`);

		// The order's status now remembered is the one read last: its next change reports it.
		await t.sandbox.touchOrders({ ids: [confirmed], status: 'fulfilling', updatedAt: await afterEvery('orders', 'updated_at') });
		const next = await t.poll(node, staticData);
		expect(eventsOf(next.items, confirmed)).toEqual([{ event: 'orderStatusChanged', previousStatus: 'confirmed', newStatus: 'fulfilling' }]);
		expect(next.items).toHaveLength(1);
		expect((await t.poll(node, staticData)).requests).toHaveLength(1);
	});

	it('an order changed twice in one scan reports each change once, from the status read earlier in the scan', async () => {
		const node = t.node({
			events: ['orderCreated', 'orderStatusChanged', 'orderShipped', 'orderUpdated'],
			options: { includeLineItems: false },
		});
		const [existing] = await t.sandbox.seedOrders({ org: 'a', count: 1, status: 'pending' });
		const staticData: IDataObject = {};
		expect((await t.poll(node, staticData)).empty).toBe(true);

		await t.sandbox.touchOrders({ ids: [existing], status: 'confirmed' });
		const fresh = await t.sandbox.seedOrders({ org: 'a', count: 150, status: 'pending' });
		// Page 1: the confirmed order, then the first 99 new ones. Before page 2, it ships and one
		// of those new orders is updated without a status change.
		const edited = fresh[10];
		const changedAt = await afterEvery('orders', 'updated_at');
		const change = changeBeforeScanRequest(t.sandbox, ordersPath, 1, async () =>
			// Both calls are queued at once, ahead of page 2.
			await Promise.all([
				t.sandbox.touchOrders({ ids: [existing], status: 'shipped', updatedAt: changedAt }),
				t.sandbox.touchOrders({ ids: [edited], updatedAt: changedAt }),
			]),
		);
		const run = await t.poll(node, staticData);
		await change.landed();

		const confirmed = { previousStatus: 'pending', newStatus: 'confirmed' };
		const shipped = { previousStatus: 'confirmed', newStatus: 'shipped' };
		expect(eventsOf(run.items, existing)).toEqual([
			{ event: 'orderStatusChanged', ...confirmed },
			{ event: 'orderUpdated' },
			{ event: 'orderStatusChanged', ...shipped },
			{ event: 'orderShipped', ...shipped },
			{ event: 'orderUpdated' },
		]);
		// Updated, not created again: one more Any Order Change, no status event.
		expect(eventsOf(run.items, edited)).toEqual([{ event: 'orderCreated' }, { event: 'orderUpdated' }, { event: 'orderUpdated' }]);
		const createdOnce = countById(run.items.filter((item) => item.event === 'orderCreated'));
		expect([...createdOnce.keys()].sort()).toEqual([...fresh].sort());
		expect([...createdOnce.values()].every((count) => count === 1)).toBe(true);
		expect(run.items).toHaveLength(5 + 3 + 149 * 2);
		expect(t.ordersRequests(run.requests)).toHaveLength(2);
		expect((await t.poll(node, staticData)).empty).toBe(true);
	});
});

describe('other sources', () => {
	async function chatIdOf(): Promise<string> {
		const [chat] = await t.sandbox.query(`select id from public.chats where organization_id = $1 order by id limit 1`, [orgA()]);
		return String(chat.id);
	}

	/** Moves a row's `created_at` after every other (a data fix or an import rewriting it). */
	const moveCreatedAt = (table: string, id: string) => async () =>
		await t.sandbox.query(
			`update public.${table} set created_at = greatest(clock_timestamp(), (select max(created_at) from public.${table}) + interval '1 microsecond') where id = $1`,
			[id],
		);

	it.each([
		{
			source: 'newContacts',
			table: 'customers',
			key: 'contact',
			insert: `insert into public.customers (organization_id, first_name, created_at)
				select $1, 'Bulk ' || g, $2::timestamptz from generate_series(1, 250) as g returning id`,
		},
		{
			source: 'inboundMessages',
			table: 'messages',
			key: 'message',
			insert: `insert into public.messages (organization_id, chat_id, content, direction, created_at)
				select $1, $3, 'Bulk ' || g, 'inbound', $2::timestamptz from generate_series(1, 250) as g returning id`,
		},
	])('$source: 250 rows sharing one created_at, one read on page 1 rewritten before page 2: each emitted once', async ({ source, table, key, insert }) => {
		const node = t.node({ source });
		const staticData: IDataObject = {};
		expect((await t.poll(node, staticData)).empty).toBe(true);

		const at = await nextSharedInstant(table, 'created_at');
		const params = table === 'messages' ? [orgA(), at, await chatIdOf()] : [orgA(), at];
		const ids = (await t.sandbox.query(insert, params)).map((row) => String(row.id)).sort();
		const moved = ids[20];
		const change = changeBeforeScanRequest(t.sandbox, `/rest/v1/${table}`, 1, moveCreatedAt(table, moved));
		const run = await t.poll(node, staticData);
		await change.landed();

		const emitted = run.items.map((item) => String((item[key] as IDataObject).id));
		expect(emitted.filter((id) => id === moved)).toHaveLength(1);
		expect(emitted).toHaveLength(250);
		expect([...emitted].sort()).toEqual(ids);
		// 100, 100, then 50 and the rewritten row read again.
		const pages = run.requests.filter((entry) => entry.path === `/rest/v1/${table}`);
		expect(pages).toHaveLength(3);
		expect((await t.poll(node, staticData)).empty).toBe(true);
	});

	it('lowStock: 250 rows sharing one last_updated, two changed after page 1: each drop below the threshold once, from the quantity read earlier', async () => {
		const node = t.node({ source: 'lowStock', threshold: 10 });
		const staticData: IDataObject = {};
		expect((await t.poll(node, staticData)).empty).toBe(true);

		const [warehouse] = await t.sandbox.query(`select id from public.warehouses where organization_id = $1 order by id limit 1`, [orgA()]);
		const items = await t.sandbox.query(
			`insert into public.items (organization_id, name, sku) select $1, 'Bulk item ' || g, 'BULK-STOCK-' || g from generate_series(1, 250) as g returning id`,
			[orgA()],
		);
		const at = await nextSharedInstant('stock_balances', 'last_updated');
		// Every row at 50, except one already below the threshold.
		const rows = await t.sandbox.query(
			`insert into public.stock_balances (organization_id, item_id, warehouse_id, quantity, last_updated)
			select $1, item_id, $2, 50, $3::timestamptz from unnest($4::uuid[]) as item_id returning id`,
			[orgA(), warehouse.id, at, items.map((item) => item.id)],
		);
		const ids = rows.map((row) => String(row.id)).sort();
		const alreadyLow = ids[5];
		const drops = ids[30];
		await t.sandbox.query(`update public.stock_balances set quantity = 5 where id = $1`, [alreadyLow]);

		// After page 1: the low row goes lower (no new event), the other drops below (one event, from 50).
		const change = changeBeforeScanRequest(t.sandbox, '/rest/v1/stock_balances', 1, async () =>
			await t.sandbox.query(
				`update public.stock_balances set quantity = case when id = $1 then 4 else 3 end,
					last_updated = greatest(clock_timestamp(), (select max(last_updated) from public.stock_balances) + interval '1 microsecond')
				where id in ($1, $2)`,
				[alreadyLow, drops],
			),
		);
		const run = await t.poll(node, staticData);
		await change.landed();

		expect(run.items.map((item) => [(item.stock as IDataObject).id, (item.stock as IDataObject).available_quantity, item.previousAvailableQuantity])).toEqual([
			[alreadyLow, 5, null],
			[drops, 3, 50],
		]);
		expect(run.requests.filter((entry) => entry.path === '/rest/v1/stock_balances')).toHaveLength(3);
		expect((await t.poll(node, staticData)).empty).toBe(true);
	});
});
