/** Inventory Item → Update (items). */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Inventory Item', () => {
	test('Update changes the price', async () => {
		const [item] = await t.sandbox.query(`select id from public.items where organization_id = $1 limit 1`, [orgA()]);
		const { items, error, requests } = await t.run({ resource: 'inventoryItem', operation: 'update', itemId: t.rl('id', item.id), updateFields: { selling_price: 99.99, is_active: false } });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0]).toMatchObject({ method: 'PATCH', query: { id: `eq.${item.id}` }, body: { selling_price: 99.99, is_active: false } });
		expect(items[0]).toMatchObject({ id: item.id, selling_price: 99.99, is_active: false });
	});
});
