/** Contact → Create with "Update If Exists" (upsert on a unique column of customers). */
import { apiRequests, header, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

test('Update If Exists on email updates the contact that has that email (a database where email is unique)', async () => {
	// The reference documents no unique column of customers: this database makes email unique.
	await t.sandbox.query('create unique index if not exists customers_email_unique on public.customers (email)');
	await t.sandbox.query("insert into public.customers (organization_id, first_name, email) values ($1, 'Mona', 'mona@example.com')", [orgA()]);
	const { items, error, requests } = await t.run({
		resource: 'contact',
		operation: 'create',
		firstName: 'Mona Updated',
		additionalFields: { email: 'mona@example.com' },
		options: { onConflict: 'email' },
	});
	expect(error).toBeUndefined();
	const post = apiRequests(requests).find((entry) => entry.method === 'POST');
	expect(post?.query).toEqual({ on_conflict: 'email' });
	expect(header(post!, 'prefer')).toContain('resolution=merge-duplicates');
	expect(items[0]).toMatchObject({ first_name: 'Mona Updated', email: 'mona@example.com' });
	expect(await t.sandbox.query("select first_name from public.customers where email = 'mona@example.com'")).toEqual([{ first_name: 'Mona Updated' }]);

	const again = await t.run({ resource: 'contact', operation: 'create', firstName: 'Mona Twice', additionalFields: { email: 'mona@example.com' } });
	expect(again.error?.httpCode).toBe('409');
});

test('Update If Exists on a column Nexus does not keep unique is a 400 that says so', async () => {
	const run = await t.run({ resource: 'contact', operation: 'create', firstName: 'Ali', phoneNumber: '+201000000001', options: { onConflict: 'phone_number' } });
	expect(run.error?.httpCode).toBe('400');
	expect(run.error?.description).toMatch(/42P10/);
	expect(run.error?.description).toMatch(/Update If Exists/);
	expect(await t.sandbox.query("select id from public.customers where phone_number = '+201000000001'")).toEqual([]);
});
