/**
 * Inventory items on a database whose `items` has no `name` column (the reference: "some
 * databases omit this column and use description and/or item_no instead"): every inventory
 * operation and both item dropdowns work there.
 */
import type { INode, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { loadOptions } from '../../harness/triggers';
import { apiRequests, expectInputError, NEXUS_NODE_TYPE, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest({ itemsWithoutName: true });
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

const node = (): INode => ({
	id: 'nexus',
	name: 'Nexus',
	type: NEXUS_NODE_TYPE,
	typeVersion: 1,
	position: [0, 0],
	parameters: { resource: 'inventoryItem', operation: 'get' },
	credentials: { nexusApi: t.org('a') },
});

test('the sandbox serves items without a name column', async () => {
	expect(await t.sandbox.query("select column_name from information_schema.columns where table_name = 'items' and column_name = 'name'")).toEqual([]);
});

test('Create without a name stores the description and item number', async () => {
	const { items, error, requests } = await t.run({ resource: 'inventoryItem', operation: 'create', additionalFields: { description: 'Wool Scarf', item_no: 'SCF-100' } });
	expect(error).toBeUndefined();
	const post = apiRequests(requests).find((entry) => entry.method === 'POST');
	expect(post?.body).toEqual({ description: 'Wool Scarf', item_no: 'SCF-100', organization_id: orgA() });
	expect(await t.sandbox.query('select description, item_no from public.items where id = $1', [String(items[0].id)])).toEqual([{ description: 'Wool Scarf', item_no: 'SCF-100' }]);
});

test('Create with neither a name, a description, an item number nor a SKU is refused before sending', async () => {
	expectInputError(await t.run({ resource: 'inventoryItem', operation: 'create', additionalFields: { category: 'Hats' } }), 'Name: give a Name, a Description, an Item No or a SKU');
});

test('Get Many (simplified), Get, Update and Delete work', async () => {
	const list = await t.run({ resource: 'inventoryItem', operation: 'getAll', returnAll: true });
	expect(list.error).toBeUndefined();
	const total = await t.sandbox.query('select count(*)::int as n from public.items where organization_id = $1 and is_active', [orgA()]);
	expect(list.items).toHaveLength(total[0].n);
	expect(list.items[0]).toHaveProperty('description');
	expect(list.items[0]).not.toHaveProperty('cost_price');

	const id = String(list.items[0].id);
	const got = await t.run({ resource: 'inventoryItem', operation: 'get', itemId: t.rl('id', id) });
	expect(got.error).toBeUndefined();
	const updated = await t.run({ resource: 'inventoryItem', operation: 'update', itemId: t.rl('id', id), updateFields: { description: 'Renamed' } });
	expect(updated.error).toBeUndefined();
	expect(await t.sandbox.query('select description from public.items where id = $1', [id])).toEqual([{ description: 'Renamed' }]);
	const created = await t.sandbox.query("insert into public.items (organization_id, item_no) values ($1, 'GONE-1') returning id", [orgA()]);
	const deleted = await t.run({ resource: 'inventoryItem', operation: 'delete', itemId: t.rl('id', created[0].id) });
	expect(deleted.error).toBeUndefined();
});

test('the item dropdown and the item picker list items by description or item number', async () => {
	const options = (await loadOptions(t.engine, node(), 'getItems')) as INodePropertyOptions[];
	const active = await t.sandbox.query('select id from public.items where organization_id = $1 and is_active', [orgA()]);
	expect(options.map((option) => option.value).sort()).toEqual(active.map((row) => row.id).sort());
	expect(options.every((option) => option.name !== option.value)).toBe(true);

	const item = (await t.sandbox.query("select id, item_no from public.items where organization_id = $1 and item_no is not null limit 1", [orgA()]))[0] as { id: string; item_no: string };
	const found = (await loadOptions(t.engine, node(), 'searchItems', 'listSearch', item.item_no)) as INodeListSearchResult;
	expect(found.results.map((result) => result.value)).toContain(item.id);
});
