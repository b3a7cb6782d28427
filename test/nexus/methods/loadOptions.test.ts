/** Dropdowns: order statuses (documented ones plus any the organization uses), warehouses, items. */
import type { INode, INodePropertyOptions } from 'n8n-workflow';
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

test('order statuses: the documented values plus any value the organization uses', async () => {
	await t.sandbox.query(`update public.orders set order_status = 'pick_started' where id = (select id from public.orders where organization_id = $1 limit 1)`, [t.sandbox.orgs.a.id]);
	const options = (await loadOptions(t.engine, node(), 'getOrderStatuses')) as INodePropertyOptions[];
	expect(options.map((option) => option.value)).toEqual(['cancelled', 'confirmed', 'delivered', 'fulfilling', 'pending', 'pick_started', 'shipped']);
	expect(options.find((option) => option.value === 'pick_started')?.name).toBe('Pick started');
});

test('warehouses and items of the own organization', async () => {
	const warehouses = (await loadOptions(t.engine, node(), 'getWarehouses')) as INodePropertyOptions[];
	const expected = await t.sandbox.query('select id, name from public.warehouses where organization_id = $1 order by name', [t.sandbox.orgs.a.id]);
	expect(warehouses.map((option) => option.value)).toEqual(expected.map((row) => row.id));
	expect(warehouses[1].name).toBe('Overflow Store (inactive)');
	const items = (await loadOptions(t.engine, node(), 'getItems')) as INodePropertyOptions[];
	const active = await t.sandbox.query('select id from public.items where organization_id = $1 and is_active order by name, id', [t.sandbox.orgs.a.id]);
	expect(items.map((option) => option.value)).toEqual(active.map((row) => row.id));
});

describe('the columns of the table a Table operation names (filter rows)', () => {
	const tableNode = (table: string): INode => ({ ...node(), parameters: { resource: 'table', operation: 'getAll', table } });

	test('every column of the chosen table, in its order, read from the PostgREST schema', async () => {
		const options = (await loadOptions(t.engine, tableNode('pick_lists'), 'getTableColumns')) as INodePropertyOptions[];
		const expected = await t.sandbox.query(
			`select column_name from information_schema.columns where table_schema = 'public' and table_name = 'pick_lists' order by ordinal_position`,
		);
		expect(options.map((option) => option.value)).toEqual(expected.map((row) => row.column_name));
		expect(options.map((option) => option.name)).toEqual(expected.map((row) => row.column_name));
	});

	test('no table yet: an empty list; a table the schema does not have: an error naming the Table field', async () => {
		expect(await loadOptions(t.engine, tableNode(''), 'getTableColumns')).toEqual([]);
		await expect(loadOptions(t.engine, tableNode('no_such_table'), 'getTableColumns')).rejects.toThrow(/Table.*"no_such_table"/);
	});
});
