/** Warehouse → Get Many (warehouses). */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

describe('Warehouse → Get Many', () => {
	test('active warehouses by default, all on request', async () => {
		const active = await t.run({ resource: 'warehouse', operation: 'getAll', returnAll: true });
		expect(active.error).toBeUndefined();
		expect(apiRequests(active.requests)[0].query).toMatchObject({ is_active: 'eq.true', order: 'name.asc,id.asc' });
		expect(active.items.map((item) => item.name)).toEqual(['Main Warehouse']);
		const all = await t.run({ resource: 'warehouse', operation: 'getAll', returnAll: true, activeOnly: false });
		expect(all.items.map((item) => item.name)).toEqual(['Main Warehouse', 'Overflow Store']);
	});
});
