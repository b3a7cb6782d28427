/** Contact → Create (customers). */
import { apiRequests, expectInputError, header, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Contact → Create', () => {
	test('inserts a customer with organization_id, E.164 phone and tags, and outputs the row written', async () => {
		const { items, error, requests } = await t.run({
			resource: 'contact',
			operation: 'create',
			firstName: 'Ahmed',
			phoneNumber: '010 1234 5670',
			additionalFields: {
				defaultCountryCode: '20',
				last_name: 'Hassan',
				email: 'ahmed.h@example.com',
				tags: 'vip, wholesale',
				address: { value: { line1: '12 Tahrir St', city: 'Cairo', country: 'EG' } },
			},
		});
		expect(error).toBeUndefined();
		const [post] = apiRequests(requests).filter((entry) => entry.method === 'POST');
		expect(post.path).toBe('/rest/v1/customers');
		expect(header(post, 'prefer')).toContain('return=representation');
		expect(post.body).toEqual({
			first_name: 'Ahmed',
			last_name: 'Hassan',
			email: 'ahmed.h@example.com',
			phone_number: '+201012345670',
			tags: ['vip', 'wholesale'],
			address: { line1: '12 Tahrir St', city: 'Cairo', country: 'EG' },
			organization_id: orgA(),
		});
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ first_name: 'Ahmed', phone_number: '+201012345670', organization_id: orgA() });
		const rows = await t.sandbox.query('select first_name, phone_number, organization_id from public.customers where id = $1', [items[0].id]);
		expect(rows).toEqual([{ first_name: 'Ahmed', phone_number: '+201012345670', organization_id: orgA() }]);
	});

	test('an unparseable phone number is an input error naming the field, and nothing is sent', async () => {
		const run = await t.run({ resource: 'contact', operation: 'create', firstName: 'X', phoneNumber: '0101234' });
		expectInputError(run, /^Phone Number "0101234" is not a valid phone number/);
		expect(run.error?.description).toMatch(/Default Country Code/);
	});

	test('a contact without name, phone or email is refused before sending', async () => {
		const run = await t.run({ resource: 'contact', operation: 'create', additionalFields: { notes: 'x' } });
		expectInputError(run, /^First Name: a contact needs a name, a phone number or an email/);
	});
});
