/** Contact → Get (customers). */
import { apiRequests, expectInputError, header, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Contact → Get', () => {
	test('reads one customer by id as a single object', async () => {
		const [row] = await t.sandbox.query(`select id, first_name from public.customers where organization_id = $1 order by created_at limit 1`, [orgA()]);
		const { items, error, requests } = await t.run({ resource: 'contact', operation: 'get', contactId: t.rl('id', row.id) });
		expect(error).toBeUndefined();
		const [get] = apiRequests(requests);
		expect(get.path).toBe('/rest/v1/customers');
		expect(get.query.id).toBe(`eq.${row.id}`);
		expect(header(get, 'accept')).toContain('application/vnd.pgrst.object+json');
		expect(items).toEqual([expect.objectContaining({ id: row.id, first_name: row.first_name })]);
	});

	test("another organization's customer is not found (406 PGRST116 with advice)", async () => {
		const [other] = await t.sandbox.query(`select id from public.customers where organization_id = $1 limit 1`, [t.sandbox.orgs.b.id]);
		const { error, items } = await t.run({ resource: 'contact', operation: 'get', contactId: t.rl('id', other.id) });
		expect(items).toEqual([]);
		// The headline says what happened; the vendor's code and text lead the details.
		expect(error?.message).toBe(`No contact with id ${other.id}`);
		expect(error?.description).toMatch(/^Nexus API error 406 \(PGRST116\): /);
		expect(error?.description).toMatch(/Expected exactly one row of contact/);
	});

	test('an id that is not a UUID is refused before sending', async () => {
		const run = await t.run({ resource: 'contact', operation: 'get', contactId: t.rl('list', '42') });
		expectInputError(run, 'Contact ID "42" is not a valid ID');
	});
});
