/** Inventory Item → Get Many (items). */
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
	test('Get Many returns active items only by default, simplified', async () => {
		const { items, error, requests } = await t.run({ resource: 'inventoryItem', operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0].query).toMatchObject({ is_active: 'eq.true', order: 'updated_at.desc,id.asc' });
		const [{ n }] = await t.sandbox.query(`select count(*)::int as n from public.items where organization_id = $1 and is_active`, [orgA()]);
		expect(items).toHaveLength(n);
		expect(items[0]).toHaveProperty('name');
		expect(items[0]).not.toHaveProperty('cost_price');
	});
});
