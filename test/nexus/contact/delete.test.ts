/** Contact → Delete (customers). */
import { apiRequests, header, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Contact → Delete', () => {
	test('deletes by id and outputs the deleted row', async () => {
		const [row] = await t.sandbox.query(
			`insert into public.customers (organization_id, first_name) values ($1, 'Temp') returning id`,
			[orgA()],
		);
		const { items, error, requests } = await t.run({ resource: 'contact', operation: 'delete', contactId: t.rl('id', row.id) });
		expect(error).toBeUndefined();
		const [del] = apiRequests(requests);
		expect(del.method).toBe('DELETE');
		expect(del.query.id).toBe(`eq.${row.id}`);
		expect(header(del, 'prefer')).toContain('return=representation');
		expect(items).toEqual([expect.objectContaining({ id: row.id, first_name: 'Temp' })]);
		expect(await t.sandbox.query('select id from public.customers where id = $1', [row.id])).toEqual([]);
	});
});
