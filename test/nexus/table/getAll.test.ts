/** Table → Get Many: rows of any table by name. */
import type { INode, INodePropertyOptions } from 'n8n-workflow';

import { loadOptions } from '../../harness/triggers';
import { apiRequests, NEXUS_NODE_TYPE, startNexusTest, type NexusTest } from '../helpers';

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
	// The table's primary key (id) is read from the schema description first, then the pages as before.
	expect(apiRequests(requests)[0]).toMatchObject({ method: 'GET', path: '/rest/v1/', headers: { accept: 'application/openapi+json' } });
	expect(apiRequests(requests)[1]).toMatchObject({ path: '/rest/v1/pick_lists', query: { select: 'id,status,pick_list_number,nexus_keyset_0:pick_list_number::text,nexus_keyset_1:id::text', order: 'pick_list_number.desc,id.asc' } });
	const expected = await t.sandbox.query(`select id from public.pick_lists where organization_id = $1 order by pick_list_number desc, id`, [orgA()]);
	expect(items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
	expect(Object.keys(items[0]).sort()).toEqual(['id', 'pick_list_number', 'status']);
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

	test('Get Many sorted on a non-unique column reads every row, by position: the table has no primary key', async () => {
		const { items, error, requests } = await t.run({
			resource: 'table',
			operation: 'getAll',
			table: 'daily_totals',
			returnAll: true,
			options: { sort: { fields: [{ column: 'day', direction: 'asc' }] } },
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => Number(item.total)).sort((a, b) => a - b)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
		const pages = apiRequests(requests).filter((page) => page.path === '/rest/v1/daily_totals');
		// The schema description shows no primary key: pages by position in the user's sort alone, no keyed page refused.
		expect(pages.map((page) => page.status)).toEqual([200, 200]);
		expect(pages.map((page) => [page.query.order, page.query.offset, page.query.limit])).toEqual([
			['day.asc', '0', '100'],
			['day.asc', '100', '100'],
		]);
		expect(items.every((item) => !Object.keys(item).some((name) => name.startsWith('nexus_keyset_')))).toBe(true);
	});
});

test('a filter row on a column chosen from the Column dropdown: the rows whose column matches', async () => {
	const columns = (await loadOptions(t.engine, columnsNode('orders'), 'getTableColumns')) as INodePropertyOptions[];
	const column = columns.find((option) => option.name === 'order_status');
	expect(column).toBeDefined();
	const { items, error } = await t.run({
		resource: 'table',
		operation: 'getAll',
		table: 'orders',
		returnAll: true,
		filters: { conditions: [{ column: column?.value, operator: 'eq', value: 'pending' }] },
		options: { select: 'id,order_status' },
	});
	expect(error).toBeUndefined();
	const expected = await t.sandbox.query(`select id from public.orders where organization_id = $1 and order_status = 'pending' order by id`, [orgA()]);
	expect(expected.length).toBeGreaterThan(0);
	expect(items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
});

function columnsNode(table: string): INode {
	return {
		id: 'nexus',
		name: 'Nexus',
		type: NEXUS_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: 'table', operation: 'getAll', table },
		credentials: { nexusApi: t.org('a') },
	};
}
