/**
 * Errors keep the vendor's fields and status and add what to do: PostgREST 409 (23505 duplicate,
 * 23503 missing reference), 403 (42501 permission; plan_limit_exceeded), 406 (PGRST116), 404
 * (PGRST205); 429 with Retry-After is waited for and retried, up to Max Retries.
 */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});
afterEach(() => t.sandbox.faults.clear());

const orgA = () => t.sandbox.orgs.a.id;

test('409 duplicate (23505): vendor code, message and details kept, advice added', async () => {
	const [existing] = await t.sandbox.query(`select order_number from public.orders where organization_id = $1 limit 1`, [orgA()]);
	const run = await t.run({ resource: 'order', operation: 'create', additionalFields: { order_number: existing.order_number } });
	expect(run.error?.message).toBe('An order with the same unique value already exists');
	expect(run.error?.httpCode).toBe('409');
	expect(run.error?.description).toMatch(/^Nexus API error 409 \(23505\): duplicate key value violates unique constraint/);
	expect(run.error?.description).toMatch(/\nDuplicate: a row with the same unique value already exists/);
	// The vendor's four fields are kept on the error (the sandbox's Postgres gives no details here).
	expect((run.error as unknown as { context: { nexus: Record<string, unknown> } }).context.nexus).toEqual({
		status: 409,
		code: '23505',
		message: 'duplicate key value violates unique constraint "orders_organization_id_order_number_key"',
		details: null,
		hint: null,
	});
});

test('409 missing reference (23503) names the reference to check', async () => {
	const run = await t.run({
		resource: 'order',
		operation: 'update',
		orderId: t.rl('id', (await t.sandbox.query(`select id from public.orders where organization_id = $1 limit 1`, [orgA()]))[0].id),
		updateFields: { customer_id: '00000000-0000-4000-8000-000000000000' },
	});
	expect(run.error?.message).toBe('The order refers to a row that does not exist');
	expect(run.error?.description).toMatch(/^Nexus API error 409 \(23503\)/);
	expect(run.error?.description).toMatch(/\nMissing reference: .*customer_id/);
	expect((run.error as unknown as { context: { nexus: Record<string, unknown> } }).context.nexus).toMatchObject({ status: 409, code: '23503' });
});

test('403 permission denied (42501) on a write explains the write scope and the read-only free plan', async () => {
	const run = await t.run({ resource: 'table', operation: 'create', table: 'organizations', json: '{"name": "x"}', options: { setOrganizationId: false } });
	expect(run.error?.message).toBe('Nexus does not allow this key to write table "organizations"');
	expect(run.error?.description).toMatch(/^Nexus API error 403 \(42501\): permission denied for table organizations/);
	expect(run.error?.httpCode).toBe('403');
	expect(run.error?.description).toMatch(/"write" or "admin" scope.*free plan is read-only/);
});

test('403 permission denied (42501) on a delete explains that deleting needs the admin scope, not write', async () => {
	const run = await t.run({
		resource: 'table',
		operation: 'delete',
		table: 'organizations',
		filters: { conditions: [{ column: 'name', operator: 'eq', value: 'nobody' }] },
	});
	expect(run.error?.httpCode).toBe('403');
	expect(run.error?.description).toMatch(/^Nexus API error 403 \(42501\)/);
	expect(run.error?.description).toMatch(/deleting needs an agent API key with the "admin" scope \("write" only reads, creates and updates\)/);
	expect(run.error?.description).not.toMatch(/"write" or "admin"/);
});

test('a 403 without a code on Inventory Item → Delete gives the same admin advice', async () => {
	t.sandbox.faults.add({ kind: 'status', status: 403, method: 'DELETE', pathIncludes: '/rest/v1/items' });
	const run = await t.run({ resource: 'inventoryItem', operation: 'delete', itemId: t.rl('id', '00000000-0000-4000-8000-000000000000') });
	expect(run.error?.httpCode).toBe('403');
	expect(run.error?.description).toMatch(/deleting needs an agent API key with the "admin" scope/);
});

test('403 plan_limit_exceeded from an edge function keeps error and message and explains the plan', async () => {
	await t.sandbox.query(`update public.organizations set plan = 'free' where id = $1`, [orgA()]);
	try {
		const [chat] = await t.sandbox.query(`select id from public.chats where organization_id = $1 and platform = 'whatsapp' limit 1`, [orgA()]);
		const run = await t.run({ resource: 'send', operation: 'whatsappMessage', conversationId: t.rl('id', chat.id), message: 'Hello' });
		expect(run.error?.message).toBe('Messaging is not available on the free plan');
		expect(run.error?.description).toMatch(/^Nexus API error 403 \(plan_limit_exceeded\): Messaging is not available on the free plan\n/);
		expect(run.error?.description).toMatch(/free plan is read-only/);
		expect((run.error as unknown as { context: { nexus: Record<string, unknown> } }).context.nexus).toMatchObject({ error: 'plan_limit_exceeded' });
	} finally {
		await t.sandbox.query(`update public.organizations set plan = 'growth' where id = $1`, [orgA()]);
	}
});

test('406 no single row (PGRST116) says the row was not found in this organization', async () => {
	const run = await t.run({ resource: 'inventoryItem', operation: 'get', itemId: t.rl('id', '00000000-0000-4000-8000-000000000000') });
	expect(run.error?.message).toBe('No inventory item with id 00000000-0000-4000-8000-000000000000');
	expect(run.error?.description).toMatch(/^Nexus API error 406 \(PGRST116\)/);
	expect(run.error?.description).toMatch(/\nExpected exactly one row of inventory item, but the filter matched none/);
	expect(run.error?.description).toMatch(/Details: /);
});

test('404 unknown table (PGRST205) keeps PostgREST\'s hint', async () => {
	const run = await t.run({ resource: 'table', operation: 'getAll', table: 'ordrs', returnAll: true });
	expect(run.error?.message).toBe('Nexus has no table "ordrs"');
	expect(run.error?.description).toMatch(/^Nexus API error 404 \(PGRST205\): Could not find the table 'public.ordrs' in the schema cache\n/);
	expect(run.error?.description).toMatch(/\nUnknown table/);
	expect(run.error?.description).toMatch(/Hint: Perhaps you meant the table 'public.orders'/);
});

test('429 with Retry-After is waited for and retried; the execution succeeds', async () => {
	t.sandbox.faults.add({ kind: 'status', status: 429, retryAfter: 1, pathIncludes: '/rest/v1/warehouses', count: 1 });
	const started = Date.now();
	const run = await t.run({ resource: 'warehouse', operation: 'getAll', returnAll: true, activeOnly: false });
	expect(run.error).toBeUndefined();
	const calls = apiRequests(run.requests);
	expect(calls.map((entry) => entry.status)).toEqual([429, 200]);
	expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(950);
	expect(Date.now() - started).toBeGreaterThanOrEqual(950);
	expect(run.items).toHaveLength(2);
});

test('429 beyond Max Retries fails clearly with the vendor code and the attempts made', async () => {
	t.sandbox.faults.add({ kind: 'status', status: 429, retryAfter: 0, pathIncludes: '/rest/v1/warehouses', count: 5 });
	const run = await t.run({ resource: 'warehouse', operation: 'getAll', returnAll: true, requestOptions: { maxRetries: 2 } });
	expect(apiRequests(run.requests)).toHaveLength(3);
	expect(run.error?.message).toBe('Nexus is rate limiting this organization');
	expect(run.error?.description).toMatch(/^Nexus API error 429 \(rate_limit_exceeded\): Rate limit exceeded: 100 requests per minute per user per organization\n/);
	expect(run.error?.description).toMatch(/rate limiting this organization after 3 attempts/);
});

test('a write is not repeated after a 503 (it may have gone through), a read is', async () => {
	t.sandbox.faults.add({ kind: 'status', status: 503, pathIncludes: '/rest/v1/items', method: 'POST', count: 1 });
	const write = await t.run({ resource: 'inventoryItem', operation: 'create', name: 'Once' });
	expect(apiRequests(write.requests).filter((entry) => entry.method === 'POST')).toHaveLength(1);
	expect(write.error?.message).toBe('Nexus had a server error');
	expect(write.error?.description).toMatch(/^Nexus API error 503 \(PGRST000\)/);
	t.sandbox.faults.add({ kind: 'status', status: 503, pathIncludes: '/rest/v1/items', method: 'GET', count: 1 });
	const read = await t.run({ resource: 'inventoryItem', operation: 'getAll', returnAll: false, limit: 2, requestOptions: { maxRetries: 1 } });
	expect(read.error).toBeUndefined();
	expect(apiRequests(read.requests).map((entry) => entry.status)).toEqual([503, 200]);
	expect(read.items).toHaveLength(2);
});

test('with Continue On Fail the error becomes an output item', async () => {
	const run = await t.run({ resource: 'inventoryItem', operation: 'get', itemId: t.rl('id', '00000000-0000-4000-8000-000000000000') }, { continueOnFail: true });
	expect(run.error).toBeUndefined();
	expect(run.items).toEqual([
		expect.objectContaining({ error: 'No inventory item with id 00000000-0000-4000-8000-000000000000', httpCode: '406' }),
	]);
});

test('an unreachable base URL is reported as a connection failure with its code', async () => {
	const credential = t.credential({ apiKey: t.sandbox.orgs.a.apiKey, baseUrl: 'http://127.0.0.1:9' });
	const run = await t.run({ resource: 'warehouse', operation: 'getAll', returnAll: true, requestOptions: { maxRetries: 0 } }, { credential });
	expect(run.error?.message).toMatch(/ECONNREFUSED|refused/i);
	expect(run.error?.description).toMatch(/Check the base URL in the credential/);
});
