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
