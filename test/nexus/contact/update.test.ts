/** Contact → Update (customers). */
import { apiRequests, expectInputError, header, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Contact → Update', () => {
	test('patches the row by id with return=representation and outputs it', async () => {
		const [row] = await t.sandbox.query(`select id from public.customers where organization_id = $1 order by created_at limit 1`, [orgA()]);
		const { items, error, requests } = await t.run({
			resource: 'contact',
			operation: 'update',
			contactId: t.rl('id', row.id),
			updateFields: { customer_label: 'vip', phone_number: '+20 (100) 000-1111' },
		});
		expect(error).toBeUndefined();
		const [patch] = apiRequests(requests);
		expect(patch.method).toBe('PATCH');
		expect(patch.query.id).toBe(`eq.${row.id}`);
		expect(header(patch, 'prefer')).toContain('return=representation');
		expect(patch.body).toEqual({ customer_label: 'vip', phone_number: '+201000001111' });
		expect(items).toEqual([expect.objectContaining({ id: row.id, customer_label: 'vip', phone_number: '+201000001111' })]);
	});

	test('nothing to update is refused before sending', async () => {
		const [row] = await t.sandbox.query(`select id from public.customers where organization_id = $1 limit 1`, [orgA()]);
		const run = await t.run({ resource: 'contact', operation: 'update', contactId: t.rl('id', row.id), updateFields: {} });
		expectInputError(run, 'Update Fields: nothing to update');
	});
});
