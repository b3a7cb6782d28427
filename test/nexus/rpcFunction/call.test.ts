/**
 * Function → Call: `POST /rest/v1/rpc/<name>` with JSON arguments. Both documented dashboards
 * run by name; any other name is allowed but checked as an identifier before anything is sent;
 * the vendor's errors keep their code and message.
 */
import { apiRequests, expectInputError, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest({ requestsPerMinute: 0 });
}, 60_000);
afterAll(async () => {
	await t?.close();
});

const call = (functionName: string, args: string, extra: Record<string, unknown> = {}) =>
	t.run({ resource: 'rpcFunction', operation: 'call', functionName, arguments: args, ...extra });

test('customer intelligence: the dashboard of one customer, as the RPC answers it', async () => {
	const [chat] = await t.sandbox.query(
		`select c.id, c.contact_phone from public.chats c where c.organization_id = $1 and c.platform = 'whatsapp' order by c.created_at limit 1`,
		[t.sandbox.orgs.a.id],
	);
	const [customer] = await t.sandbox.query('select id from public.customers where phone_number = $1', [chat.contact_phone]);
	const [expected] = await t.sandbox.query('select count(*)::int as total from public.messages where chat_id = $1', [chat.id]);
	const result = await call('rpc_ai_get_customer_intelligence', JSON.stringify({ p_customer_id: customer.id, p_days: 365 }));
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(1);
	expect(result.items[0].chat_ids).toEqual([chat.id]);
	expect((result.items[0].messages as { total: number }).total).toBe(expected.total);
	const [sent] = apiRequests(result.requests);
	expect(sent.method).toBe('POST');
	expect(sent.path).toBe('/rest/v1/rpc/rpc_ai_get_customer_intelligence');
	expect(sent.body).toEqual({ p_customer_id: customer.id, p_days: 365 });
});

test('conversation dashboard: no arguments needed', async () => {
	const [expected] = await t.sandbox.query(
		`select count(distinct chat_id)::int as chats from public.messages where organization_id = $1 and "timestamp" >= now() - interval '30 days'`,
		[t.sandbox.orgs.a.id],
	);
	const result = await call('rpc_ai_get_conversation_dashboard', '{}');
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(1);
	expect(result.items[0].conversations).toBe(expected.chats);
});

test('another function by name: the vendor error keeps its code and message', async () => {
	const result = await call('other', '{}', { customFunctionName: 'rpc_not_there' });
	// The headline says what happened; the vendor's code and message lead the details.
	expect(result.error?.message).toBe('The function "rpc_not_there" was not found');
	expect(result.error?.description).toMatch(/^Nexus API error 404 \(PGRST202\): /);
	expect(result.error?.httpCode).toBe('404');
	expect(apiRequests(result.requests).map((request) => request.path)).toEqual(['/rest/v1/rpc/rpc_not_there']);
});

test.each(['../orders', 'rpc/x', 'a b', '   ', 'x;drop', '..'])('the name %p is refused before anything is sent', async (name) => {
	const result = await call('other', '{}', { customFunctionName: name });
	expectInputError(result, /Function Name/);
});

test('arguments that are not a JSON object are refused before anything is sent', async () => {
	const result = await call('rpc_ai_get_conversation_dashboard', '"x"');
	expectInputError(result, /Arguments/);
});
