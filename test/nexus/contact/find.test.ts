/** Contact → Find by Phone or Email (customers). */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Contact → Find by Phone or Email', () => {
	test('normalises the phone number to E.164 before the query', async () => {
		const [row] = await t.sandbox.query(`select id, phone_number from public.customers where organization_id = $1 order by created_at limit 1`, [orgA()]);
		const local = `0${String(row.phone_number).slice(3, 6)} ${String(row.phone_number).slice(6, 9)}-${String(row.phone_number).slice(9)}`;
		const { items, error, requests } = await t.run({
			resource: 'contact',
			operation: 'find',
			findBy: 'phone',
			phoneNumber: local,
			defaultCountryCode: '20',
		});
		expect(error).toBeUndefined();
		const [get] = apiRequests(requests);
		expect(get.query.phone_number).toBe(`eq.${row.phone_number}`);
		expect(get.rawQuery).toContain(`phone_number=eq.%2B${String(row.phone_number).slice(1)}`);
		expect(items.map((item) => item.id)).toEqual([row.id]);
	});

	test('finds by email in any case, with LIKE wildcards matched literally', async () => {
		await t.sandbox.query(
			`insert into public.customers (organization_id, first_name, email) values ($1, 'Under', 'a_b@x.com'), ($1, 'Other', 'axb@x.com')`,
			[orgA()],
		);
		const { items, error, requests } = await t.run({ resource: 'contact', operation: 'find', findBy: 'email', email: 'A_B@X.com' });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0].query.email).toBe('ilike.A\\_B@X.com');
		expect(items.map((item) => item.email)).toEqual(['a_b@x.com']);
	});
});
