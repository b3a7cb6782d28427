/** Inventory Item → Create (items). */
import { apiRequests, expectInputError, header, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Inventory Item', () => {
	test('Create inserts the item with its organization and outputs it', async () => {
		const { items, error, requests } = await t.run({
			resource: 'inventoryItem',
			operation: 'create',
			name: 'Bucket Hat',
			additionalFields: { sku: 'HAT-BKT', selling_price: 175.5, min_stock_level: 5 },
		});
		expect(error).toBeUndefined();
		const post = apiRequests(requests).find((entry) => entry.method === 'POST');
		expect(post).toMatchObject({ path: '/rest/v1/items', body: { name: 'Bucket Hat', sku: 'HAT-BKT', selling_price: 175.5, min_stock_level: 5, organization_id: orgA() } });
		expect(header(post!, 'prefer')).toContain('return=representation');
		expect(items[0]).toMatchObject({ name: 'Bucket Hat', sku: 'HAT-BKT', is_active: true });
	});

	test('Create without a name, description, item number or SKU is refused before sending', async () => {
		expectInputError(await t.run({ resource: 'inventoryItem', operation: 'create', name: '={{ "" }}' }), 'Name: give a Name, a Description, an Item No or a SKU');
	});
});
