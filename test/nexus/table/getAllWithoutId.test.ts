/** Table → Get Many on tables keyed on other columns than `id`: the ties are broken on the table's own primary key. */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const POLICY = `organization_id = (nullif(current_setting('request.jwt.claims', true), '')::json->>'organization_id')::uuid`;

/** A table (or view) the organization's key reads under row-level security. */
async function createTable(name: string, columns: string): Promise<void> {
	await t.sandbox.query(`create table public.${name} (${columns})`);
	await t.sandbox.query(`alter table public.${name} enable row level security`);
	await t.sandbox.query(`create policy org_rows on public.${name} using (${POLICY})`);
	await t.sandbox.query(`grant select on public.${name} to authenticated`);
}

const codes = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);

/** The table's own requests (not the schema description). */
const tablePages = (requests: Parameters<typeof apiRequests>[0], table: string) => apiRequests(requests).filter((entry) => entry.path === `/rest/v1/${table}`);

test('every row of a table keyed on another column, sorted by the user, without an id.asc tie-breaker', async () => {
	await createTable('currency_rates', 'code text primary key, organization_id uuid not null, rate numeric not null');
	await t.sandbox.query(`insert into public.currency_rates select 'C' || lpad(n::text, 3, '0'), $1, n from generate_series(1, 130) as n`, [t.sandbox.orgs.a.id]);
	await t.sandbox.reloadSchemaCache();
	const { items, error, requests } = await t.run({
		resource: 'table',
		operation: 'getAll',
		table: 'currency_rates',
		returnAll: true,
		options: { sort: { fields: [{ column: 'code', direction: 'asc' }] } },
	});
	expect(error).toBeUndefined();
	expect(items.map((item) => item.code)).toEqual(codes('C', 130));
	const pages = tablePages(requests, 'currency_rates');
	expect(pages.map((page) => [page.status, page.query.order])).toEqual([
		[200, 'code.asc'],
		[200, 'code.asc'],
	]);
	expect(Object.keys(items[0]).sort()).toEqual(['code', 'organization_id', 'rate']);
});

test('a composite key: every key column the sort lacks breaks the ties, in key order', async () => {
	await createTable('bin_stock', 'organization_id uuid not null, warehouse text not null, bin text not null, qty integer not null, primary key (warehouse, bin)');
	// 150 rows over 3 quantities: a sort on qty alone leaves 50 rows tied on each value.
	await t.sandbox.query(`insert into public.bin_stock select $1, 'W' || (n % 3), 'B' || lpad(n::text, 3, '0'), n % 3 from generate_series(1, 150) as n`, [t.sandbox.orgs.a.id]);
	await t.sandbox.reloadSchemaCache();
	const { items, error, requests } = await t.run({
		resource: 'table',
		operation: 'getAll',
		table: 'bin_stock',
		returnAll: true,
		options: { sort: { fields: [{ column: 'qty', direction: 'desc' }, { column: 'bin', direction: 'asc' }] } },
	});
	expect(error).toBeUndefined();
	const expected = await t.sandbox.query(`select bin from public.bin_stock order by qty desc, bin, warehouse`);
	expect(items.map((item) => item.bin)).toEqual(expected.map((row) => row.bin));
	const pages = tablePages(requests, 'bin_stock');
	expect(pages.map((page) => [page.status, page.query.order])).toEqual([
		[200, 'qty.desc,bin.asc,warehouse.asc'],
		[200, 'qty.desc,bin.asc,warehouse.asc'],
	]);
});

test('rows inserted before the page boundary while the listing runs: every earlier row exactly once', async () => {
	await createTable('stock_codes', 'code text primary key, organization_id uuid not null');
	await t.sandbox.query(`insert into public.stock_codes select 'C' || lpad(n::text, 3, '0'), $1 from generate_series(1, 130) as n`, [t.sandbox.orgs.a.id]);
	await t.sandbox.reloadSchemaCache();
	// Once the first page of rows has been answered, ten rows that sort before all of them appear.
	const insert = {
		method: 'GET',
		pathIncludes: '/rest/v1/stock_codes',
		run: async () => {
			if (t.sandbox.requests.entries.at(-1)?.status !== 200) return t.sandbox.mutations.add(insert);
			await t.sandbox.query(`insert into public.stock_codes select 'B' || lpad(n::text, 3, '0'), $1 from generate_series(1, 10) as n`, [t.sandbox.orgs.a.id]);
		},
	};
	t.sandbox.mutations.add(insert);
	const { items, error } = await t.run({
		resource: 'table',
		operation: 'getAll',
		table: 'stock_codes',
		returnAll: true,
		options: { sort: { fields: [{ column: 'code', direction: 'asc' }] } },
	});
	expect(error).toBeUndefined();
	expect(t.sandbox.mutations.pending()).toEqual([]);
	const read = items.map((item) => String(item.code));
	for (const code of codes('C', 130)) expect([code, read.filter((value) => value === code).length]).toEqual([code, 1]);
});

test('a view without a primary key is still listed, by position, without a refused keyed page', async () => {
	await createTable('channel_totals', 'organization_id uuid not null, channel text not null, total integer not null');
	await t.sandbox.query(`insert into public.channel_totals select $1, 'web', n from generate_series(1, 120) as n`, [t.sandbox.orgs.a.id]);
	await t.sandbox.query(`create view public.channel_totals_view with (security_invoker = true) as select channel, total from public.channel_totals`);
	await t.sandbox.query(`grant select on public.channel_totals_view to authenticated`);
	await t.sandbox.reloadSchemaCache();
	const { items, error, requests } = await t.run({ resource: 'table', operation: 'getAll', table: 'channel_totals_view', returnAll: true });
	expect(error).toBeUndefined();
	expect(items.map((item) => Number(item.total)).sort((a, b) => a - b)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
	expect(tablePages(requests, 'channel_totals_view').map((page) => [page.status, page.query.order, page.query.offset])).toEqual([
		[200, undefined, '0'],
		[200, undefined, '100'],
	]);
});

test('the key is asked for once per execution and table, whatever the number of items', async () => {
	const { items, error, requests } = await t.run(
		{ resource: 'table', operation: 'getAll', table: '={{ $json.table }}', returnAll: false, limit: 2 },
		{ inputItems: [{ table: 'currency_rates' }, { table: 'stock_codes' }, { table: 'currency_rates' }, { table: 'stock_codes' }] },
	);
	expect(error).toBeUndefined();
	expect(items).toHaveLength(8);
	const schemaReads = apiRequests(requests).filter((entry) => entry.path === '/rest/v1/');
	expect(schemaReads).toHaveLength(2);
	expect(tablePages(requests, 'currency_rates').map((page) => page.query.order)).toEqual(['code.asc', 'code.asc']);
});
