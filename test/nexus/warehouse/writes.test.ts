/** Warehouse → Create, Update (warehouses). */
import { apiRequests, expectInputError, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Warehouse writes', () => {
	test('Create stores the warehouse with its organization and outputs it', async () => {
		const { items, error, requests } = await t.run({ resource: 'warehouse', operation: 'create', name: 'Alexandria Hub', additionalFields: { location: 'Alexandria', is_active: false } });
		expect(error).toBeUndefined();
		expect(apiRequests(requests).filter((entry) => entry.method === 'POST')).toEqual([expect.objectContaining({ method: 'POST', path: '/rest/v1/warehouses', body: { name: 'Alexandria Hub', location: 'Alexandria', is_active: false, organization_id: orgA() } })]);
		expect(await t.sandbox.query('select organization_id, location, is_active from public.warehouses where id = $1', [String(items[0].id)])).toEqual([
			{ organization_id: orgA(), location: 'Alexandria', is_active: false },
		]);
	});

	test('Create without a name is refused before sending', async () => {
		expectInputError(await t.run({ resource: 'warehouse', operation: 'create', name: '={{ " " }}' }), 'Name is empty');
	});

	test('Update changes the fields given of that warehouse only', async () => {
		const warehouse = (await t.sandbox.query("select id, name from public.warehouses where organization_id = $1 and name = 'Overflow Store'", [orgA()]))[0] as { id: string };
		const { error, items, requests } = await t.run({ resource: 'warehouse', operation: 'update', warehouseId: warehouse.id, updateFields: { location: 'Giza', is_active: true } });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)).toEqual([expect.objectContaining({ method: 'PATCH', query: { id: `eq.${warehouse.id}` }, body: { location: 'Giza', is_active: true } })]);
		expect(items[0]).toMatchObject({ id: warehouse.id, name: 'Overflow Store', location: 'Giza' });
		expect(await t.sandbox.query('select name, location, is_active from public.warehouses where id = $1', [warehouse.id])).toEqual([{ name: 'Overflow Store', location: 'Giza', is_active: true }]);
	});

	test('Update with nothing to change, an empty name or a warehouse that is not an id is refused before sending', async () => {
		const warehouse = (await t.sandbox.query('select id from public.warehouses where organization_id = $1 limit 1', [orgA()]))[0] as { id: string };
		expectInputError(await t.run({ resource: 'warehouse', operation: 'update', warehouseId: warehouse.id, updateFields: {} }), 'Update Fields: nothing to update');
		expectInputError(await t.run({ resource: 'warehouse', operation: 'update', warehouseId: warehouse.id, updateFields: { name: ' ' } }), 'Update Fields: Name is empty');
		expectInputError(await t.run({ resource: 'warehouse', operation: 'update', warehouseId: 'Main Warehouse', updateFields: { location: 'x' } }), /^Warehouse ID "Main Warehouse" is not a valid ID/);
	});
});
