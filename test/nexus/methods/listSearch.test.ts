/** Searchable pickers: contacts, orders, conversations and items searched literally. */
import type { INode, INodeListSearchResult } from 'n8n-workflow';
import { loadOptions } from '../../harness/triggers';
import { NEXUS_NODE_TYPE, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const node = (): INode => ({
	id: 'nexus',
	name: 'Nexus',
	type: NEXUS_NODE_TYPE,
	typeVersion: 1,
	position: [0, 0],
	parameters: { resource: 'order', operation: 'updateStatus' },
	credentials: { nexusApi: t.org('a') },
});

test('contact search matches names, phones and emails literally, including reserved characters', async () => {
	const [row] = await t.sandbox.query(
		`insert into public.customers (organization_id, first_name, last_name) values ($1, 'Dr. (Amal)', 'O''Neil, 50%_off') returning id`,
		[t.sandbox.orgs.a.id],
	);
	const found = (await loadOptions(t.engine, node(), 'searchContacts', 'listSearch', "O'Neil, 50%_off")) as INodeListSearchResult;
	expect(found.results.map((result) => result.value)).toEqual([row.id]);
	const byName = (await loadOptions(t.engine, node(), 'searchContacts', 'listSearch', 'dr. (am')) as INodeListSearchResult;
	expect(byName.results.map((result) => result.value)).toEqual([row.id]);
	const none = (await loadOptions(t.engine, node(), 'searchContacts', 'listSearch', '50_off')) as INodeListSearchResult;
	expect(none.results).toEqual([]);
});

test('order, conversation and item searches', async () => {
	const [order] = await t.sandbox.query(`select id, order_number from public.orders where organization_id = $1 order by order_number limit 1`, [t.sandbox.orgs.a.id]);
	const orders = (await loadOptions(t.engine, node(), 'searchOrders', 'listSearch', order.order_number)) as INodeListSearchResult;
	expect(orders.results.map((result) => result.value)).toContain(order.id);
	expect(orders.results[0].name).toMatch(new RegExp(`^${order.order_number}`));
	const chats = (await loadOptions(t.engine, node(), 'searchConversations', 'listSearch')) as INodeListSearchResult;
	const [{ n }] = await t.sandbox.query('select count(*)::int as n from public.chats where organization_id = $1', [t.sandbox.orgs.a.id]);
	expect(chats.results).toHaveLength(n);
	const items = (await loadOptions(t.engine, node(), 'searchItems', 'listSearch', 'cap-blk')) as INodeListSearchResult;
	expect(items.results.map((result) => result.name)).toEqual(['Cap Black (CAP-BLK)']);
});

test('"load more" in a picker continues after the last contact shown: contacts created meanwhile repeat none', async () => {
	await t.sandbox.query(
		`insert into public.customers (organization_id, first_name, last_name, created_at)
		select $1::uuid, 'Picker', 'Contact ' || g, now() - g * interval '1 minute' from generate_series(1, 120) g`,
		[t.sandbox.orgs.a.id],
	);
	const newestFirst = async () =>
		(await t.sandbox.query('select id from public.customers where organization_id = $1 order by created_at desc, id', [t.sandbox.orgs.a.id])).map(
			(row) => row.id as string,
		);
	const before = await newestFirst();
	const first = (await loadOptions(t.engine, node(), 'searchContacts', 'listSearch')) as INodeListSearchResult;
	expect(first.results.map((result) => result.value)).toEqual(before.slice(0, 50));
	expect(first.paginationToken).toEqual(expect.any(String));
	// Five contacts created while the first 50 are on screen: they sort before them (newest first).
	await t.sandbox.query(
		`insert into public.customers (organization_id, first_name, last_name) select $1::uuid, 'Picker', 'New ' || g from generate_series(1, 5) g`,
		[t.sandbox.orgs.a.id],
	);
	const second = (await loadOptions(t.engine, node(), 'searchContacts', 'listSearch', undefined, first.paginationToken)) as INodeListSearchResult;
	expect(second.results.map((result) => result.value)).toEqual(before.slice(50, 100));
});
