/**
 * Table (advanced): get many / create / update / delete rows of any table by name.
 */
import { apiRequests, expectInputError, header, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

test('Get Many reads a table the typed resources do not cover', async () => {
	const { items, error, requests } = await t.run({
		resource: 'table',
		operation: 'getAll',
		table: 'pick_lists',
		returnAll: true,
		options: { select: 'id,status,pick_list_number', sort: { fields: [{ column: 'pick_list_number', direction: 'desc' }] } },
	});
	expect(error).toBeUndefined();
	expect(apiRequests(requests)[0]).toMatchObject({ path: '/rest/v1/pick_lists', query: { select: 'id,status,pick_list_number,nexus_keyset_0:pick_list_number::text,nexus_keyset_1:id::text', order: 'pick_list_number.desc,id.asc' } });
	const expected = await t.sandbox.query(`select id from public.pick_lists where organization_id = $1 order by pick_list_number desc, id`, [orgA()]);
	expect(items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
	expect(Object.keys(items[0]).sort()).toEqual(['id', 'pick_list_number', 'status']);
});

test('Create inserts several rows with the organization filled in and outputs them', async () => {
	const rows = [
		{ name: 'Instagram Influencer' },
		{ name: 'TikTok' },
	];
	const { items, error, requests } = await t.run({ resource: 'table', operation: 'create', table: 'lead_sources', json: JSON.stringify(rows) });
	expect(error).toBeUndefined();
	const post = apiRequests(requests).find((entry) => entry.method === 'POST');
	expect(post?.body).toEqual(rows.map((row) => ({ ...row, organization_id: orgA() })));
	expect(header(post!, 'prefer')).toContain('return=representation');
	expect(items.map((item) => item.name)).toEqual(['Instagram Influencer', 'TikTok']);
});

test('Create with Auto-Map refuses an input item without columns before sending', async () => {
	// The manual trigger's item is empty.
	expectInputError(await t.run({ resource: 'table', operation: 'create', table: 'lead_sources', dataMode: 'autoMap' }), 'Rows (JSON): row 1 has no columns');
});

test('Update changes only the rows matching the filters and outputs them', async () => {
	const { items, error, requests } = await t.run({
		resource: 'table',
		operation: 'update',
		table: 'lead_sources',
		filters: { conditions: [{ column: 'name', operator: 'eq', value: 'TikTok' }] },
		json: '{"name": "TikTok Ads"}',
	});
	expect(error).toBeUndefined();
	expect(apiRequests(requests)[0]).toMatchObject({ method: 'PATCH', query: { name: 'eq.TikTok' }, body: { name: 'TikTok Ads' } });
	expect(items.map((item) => item.name)).toEqual(['TikTok Ads']);
	expect(await t.sandbox.query(`select count(*)::int as n from public.lead_sources where name = 'TikTok Ads'`)).toEqual([{ n: 1 }]);
});

test('Delete removes only the rows matching the filters and outputs them', async () => {
	const { items, error, requests } = await t.run({
		resource: 'table',
		operation: 'delete',
		table: 'lead_sources',
		filters: { conditions: [{ column: 'name', operator: 'in', value: '["TikTok Ads", "Instagram Influencer"]' }] },
	});
	expect(error).toBeUndefined();
	expect(apiRequests(requests)[0]).toMatchObject({ method: 'DELETE', query: { name: 'in.("TikTok Ads","Instagram Influencer")' } });
	expect(items.map((item) => item.name).sort()).toEqual(['Instagram Influencer', 'TikTok Ads']);
	expect(await t.sandbox.query(`select count(*)::int as n from public.lead_sources where name in ('TikTok Ads', 'Instagram Influencer')`)).toEqual([{ n: 0 }]);
});

test('Update and Delete without a filter, a bad table name and bad JSON are refused before sending', async () => {
	expectInputError(await t.run({ resource: 'table', operation: 'delete', table: 'lead_sources' }), 'Filters: add at least one filter');
	expectInputError(await t.run({ resource: 'table', operation: 'update', table: 'lead_sources', json: '{"name": "x"}' }), 'Filters: add at least one filter');
	expectInputError(await t.run({ resource: 'table', operation: 'getAll', table: 'orders?select=*', returnAll: true }), 'Table: "orders?select=*" is not a valid table name (use letters, digits and underscores, e.g. order_status)');
	expectInputError(await t.run({ resource: 'table', operation: 'create', table: 'lead_sources', json: '{"name": ' }), 'Rows (JSON) is not valid JSON');
	expectInputError(await t.run({ resource: 'table', operation: 'create', table: 'lead_sources', json: '{"na me": "x"}' }), 'Rows (JSON): "na me" is not a valid column name');
});

describe('a table without an id column', () => {
	beforeAll(async () => {
		const policy = `organization_id = (nullif(current_setting('request.jwt.claims', true), '')::json->>'organization_id')::uuid`;
		for (const sql of [
			'create table public.daily_totals (organization_id uuid not null, day date not null, channel text, total numeric(12,2))',
			'grant select on public.daily_totals to authenticated',
			'alter table public.daily_totals enable row level security',
			`create policy daily_totals_org on public.daily_totals for all to authenticated using (${policy})`,
		]) {
			await t.sandbox.query(sql);
		}
		await t.sandbox.query(`insert into public.daily_totals select $1::uuid, date '2026-01-01' + (g % 40), 'web', g from generate_series(1, 150) g`, [orgA()]);
		await t.sandbox.reloadSchemaCache();
	});

	test('Get Many sorted on a non-unique column reads every row, by position once the server says there is no id', async () => {
		const { items, error, requests } = await t.run({
			resource: 'table',
			operation: 'getAll',
			table: 'daily_totals',
			returnAll: true,
			options: { sort: { fields: [{ column: 'day', direction: 'asc' }] } },
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => Number(item.total)).sort((a, b) => a - b)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
		const pages = apiRequests(requests);
		// The keyed first page is refused (no id), then pages by position in the user's sort alone.
		expect(pages.map((page) => page.status)).toEqual([400, 200, 200]);
		expect(pages.slice(1).map((page) => [page.query.order, page.query.offset, page.query.limit])).toEqual([
			['day.asc', '0', '100'],
			['day.asc', '100', '100'],
		]);
		expect(items.every((item) => !Object.keys(item).some((name) => name.startsWith('nexus_keyset_')))).toBe(true);
	});
});
