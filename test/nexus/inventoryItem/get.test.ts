/** Inventory Item → Get (items). */
import { startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Inventory Item', () => {
	test('Get reads one item', async () => {
		const [item] = await t.sandbox.query(`select id, sku from public.items where organization_id = $1 limit 1`, [orgA()]);
		const { items, error } = await t.run({ resource: 'inventoryItem', operation: 'get', itemId: t.rl('id', item.id) });
		expect(error).toBeUndefined();
		expect(items).toEqual([expect.objectContaining({ id: item.id, sku: item.sku })]);
	});
});
