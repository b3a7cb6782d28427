/**
 * Contact (customers): create, get, get many, update, delete, find by phone or email, through
 * n8n's engine against the Nexus sandbox.
 */
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

describe('Contact → Get Many', () => {
	test('lists simplified customers newest first with a Limit, only of the own organization', async () => {
		const { items, error, requests } = await t.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 5 });
		expect(error).toBeUndefined();
		const [get] = apiRequests(requests);
		expect(get.query.order).toBe('created_at.desc,id.asc');
		expect(String(get.query.select).split(',')).toContain('phone_number');
		expect(get.query.limit).toBe('5');
		expect(header(get, 'prefer')).toBeUndefined();
		expect(items).toHaveLength(5);
		expect(items[0]).not.toHaveProperty('address');
		const ids = (await t.sandbox.query(`select id from public.customers where organization_id = $1 order by created_at desc, id limit 5`, [orgA()])).map((r) => r.id);
		expect(items.map((item) => item.id)).toEqual(ids);
	});

	test('Return All with a filter and Simplify off returns every matching row with all columns', async () => {
		const { items, error, requests } = await t.run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
			filters: { conditions: [{ column: 'customer_label', operator: 'in', value: 'vip, wholesale' }] },
		});
		expect(error).toBeUndefined();
		const [get] = apiRequests(requests);
		expect(get.query.customer_label).toBe('in.(vip,wholesale)');
		const expected = await t.sandbox.query(
			`select id from public.customers where organization_id = $1 and customer_label in ('vip','wholesale') order by created_at desc, id`,
			[orgA()],
		);
		expect(items.map((item) => item.id)).toEqual(expected.map((r) => r.id));
		expect(items[0]).toHaveProperty('address');
	});
});

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
