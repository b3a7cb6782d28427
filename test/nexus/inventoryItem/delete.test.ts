/** Inventory Item → Delete (items). */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Inventory Item → Delete', () => {
	test('deletes that item and outputs it', async () => {
		const item = (await t.sandbox.query("insert into public.items (organization_id, sku, description) values ($1, 'DEL-1', 'To go') returning id", [orgA()]))[0] as { id: string };
		const { items, error, requests } = await t.run({ resource: 'inventoryItem', operation: 'delete', itemId: t.rl('id', item.id) });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)).toEqual([expect.objectContaining({ method: 'DELETE', path: '/rest/v1/items', query: { id: `eq.${item.id}` } })]);
		expect(items).toEqual([expect.objectContaining({ id: item.id, sku: 'DEL-1' })]);
		expect(await t.sandbox.query('select id from public.items where id = $1', [item.id])).toEqual([]);
	});

	test('deleting an item that does not exist is a 406 naming it', async () => {
		const run = await t.run({ resource: 'inventoryItem', operation: 'delete', itemId: t.rl('id', '00000000-0000-4000-8000-000000000000') });
		expect(run.error?.message).toBe('No inventory item with id 00000000-0000-4000-8000-000000000000');
	});
});
