/**
 * The Nexus sandbox's hosted MCP server, driven by the MCP SDK's own client over real HTTP:
 * the 41 documented tools, their agreement with the PostgREST tables, scope and plan rules,
 * sessions, JSON and SSE answers, tools added at run time, and the two documented RPCs.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { type CallToolResult, ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { type NexusSandbox, startNexusSandbox } from './nexus';

const DOCUMENTED_TOOLS = [
	'nexus_list_contacts', 'nexus_get_contact', 'nexus_create_contact', 'nexus_update_contact', 'nexus_list_orders', 'nexus_get_order', 'nexus_create_order',
	'nexus_update_order_status', 'nexus_list_inventory', 'nexus_check_stock', 'nexus_list_conversations', 'nexus_send_message', 'nexus_search',
	'nexus_sync_social_posts', 'nexus_list_social_posts', 'nexus_get_social_post', 'nexus_create_social_post', 'nexus_update_social_post',
	'nexus_publish_social_post', 'nexus_delete_social_post', 'nexus_list_social_accounts', 'nexus_get_social_analytics', 'nexus_get_content_calendar',
	'nexus_list_organization_invites', 'nexus_invite_organization_member', 'nexus_cancel_organization_invite', 'nexus_resend_organization_invite',
	'nexus_list_internal_conversations', 'nexus_get_internal_messages', 'nexus_open_internal_dm', 'nexus_send_internal_message',
	'nexus_list_ai_tag_definitions', 'nexus_list_message_annotations', 'nexus_get_message_ai_annotation', 'nexus_get_org_ai_annotation_settings',
	'nexus_get_customer_conversation_intelligence', 'nexus_get_conversation_intelligence_dashboard', 'nexus_update_message_annotation',
	'nexus_update_ai_tag_definition', 'nexus_set_org_ai_annotation_prompt', 'nexus_update_org_conversation_intelligence_context',
];

let s: NexusSandbox;
const clients: Client[] = [];
/** Content types of the MCP server's answers to POSTs, in order. */
const postAnswerTypes: string[] = [];

async function token(apiKey: string): Promise<string> {
	const r = await fetch(`${s.baseUrl}/functions/v1/agent-auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ api_key: apiKey }) });
	return ((await r.json()) as { access_token: string }).access_token;
}

async function connect(apiKey = s.orgs.a.apiKey): Promise<Client> {
	const jwt = await token(apiKey);
	const client = new Client({ name: 'nexus-mcp-test', version: '1.0.0' });
	const transport = new StreamableHTTPClientTransport(new URL(`${s.baseUrl}/functions/v1/mcp-server`), {
		requestInit: { headers: { authorization: `Bearer ${jwt}` } },
		fetch: async (url, init) => {
			const r = await fetch(url, init);
			if (init?.method === 'POST' && r.status === 200) postAnswerTypes.push(r.headers.get('content-type') ?? '');
			return r;
		},
	});
	await client.connect(transport);
	clients.push(client);
	return client;
}

async function keyWith(scopes: string[], org: 'a' | 'b' = 'a'): Promise<string> {
	const r = await fetch(`${s.controlUrl}/api-keys`, { method: 'POST', body: JSON.stringify({ org, scopes }) });
	return ((await r.json()) as { api_key: string }).api_key;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function ok(client: Client, name: string, args: Record<string, unknown> = {}): Promise<Json> {
	const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
	if (r.isError) throw new Error(`${name} failed: ${JSON.stringify(r.content)}`);
	return JSON.parse((r.content[0] as { text: string }).text);
}

async function refused(client: Client, name: string, args: Record<string, unknown> = {}): Promise<{ error: string; message: string }> {
	const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
	expect(r.isError).toBe(true);
	return r.structuredContent as { error: string; message: string };
}

async function rest(path: string, jwt: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; json: Json }> {
	const r = await fetch(`${s.baseUrl}/rest/v1/${path}`, {
		method: init.method ?? 'GET',
		headers: { apikey: s.anonKey, authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
		body: init.body === undefined ? undefined : JSON.stringify(init.body),
	});
	const text = await r.text();
	return { status: r.status, json: text ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
	s = await startNexusSandbox({ requestsPerMinute: 0, authAttemptsPerMinute: 1000 });
});

afterAll(async () => {
	for (const c of clients) await c.close().catch(() => undefined);
	await s?.close();
});

describe('MCP endpoint and tools/list', () => {
	it('initializes with the agent JWT and lists the 41 documented tools with object input schemas', async () => {
		const client = await connect();
		expect(client.getServerCapabilities()?.tools).toBeDefined();
		const { tools } = await client.listTools();
		expect(tools.map((t) => t.name).sort()).toEqual([...DOCUMENTED_TOOLS].sort());
		for (const t of tools) expect(t.inputSchema.type).toBe('object');
		const getContact = tools.find((t) => t.name === 'nexus_get_contact')!;
		expect(getContact.inputSchema.required).toEqual(['contact_id']);
	});

	it('refuses a call without a JWT, with an expired one, or with a wrong apikey (401), and never needs the anon key', async () => {
		const init = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } };
		const post = (headers: Record<string, string>) =>
			fetch(`${s.baseUrl}/functions/v1/mcp-server`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body: JSON.stringify(init) });
		expect((await post({})).status).toBe(401);
		const jwt = await token(s.orgs.a.apiKey);
		expect((await post({ authorization: `Bearer ${jwt}`, apikey: 'wrong' })).status).toBe(401);
		const good = await post({ authorization: `Bearer ${jwt}` });
		expect(good.status).toBe(200);
		expect(good.headers.get('mcp-session-id')).toBeTruthy();
		await fetch(`${s.controlUrl}/expire-tokens`, { method: 'POST' });
		const expired = await post({ authorization: `Bearer ${jwt}` });
		expect(expired.status).toBe(401);
		expect(((await expired.json()) as Json).message).toBe('JWT expired');
	});
});

describe('tools agree with the PostgREST tables', () => {
	let client: Client;
	let jwt: string;
	beforeAll(async () => {
		client = await connect();
		jwt = await token(s.orgs.a.apiKey);
	});

	it('contacts: a contact created by tool is the customers row; an update by tool shows there too', async () => {
		const created = await ok(client, 'nexus_create_contact', { first_name: 'Mcp', last_name: 'Created', phone_number: '+201000000777', tags: ['mcp'] });
		const row = await rest(`customers?id=eq.${created.id}`, jwt);
		expect(row.json).toEqual([created]);
		const updated = await ok(client, 'nexus_update_contact', { contact_id: created.id, notes: 'called back' });
		expect((await rest(`customers?id=eq.${created.id}&select=notes`, jwt)).json).toEqual([{ notes: 'called back' }]);
		expect(await ok(client, 'nexus_get_contact', { contact_id: created.id })).toEqual(updated);
		const listed = await ok(client, 'nexus_list_contacts', { search: 'Mcp Created' });
		expect(listed.data.map((c: Json) => c.id)).toEqual([created.id]);
	});

	it('orders: an order with line items lands in orders and order_items; the status tool moves order_status', async () => {
		const order = await ok(client, 'nexus_create_order', { items: [{ sku: 'TSH-M-BLK', name: 'T-Shirt', qty: 2, unit_price: 150 }, { name: 'Cap', qty: 1, unit_price: 100 }], currency: 'EGP' });
		expect(order.order_status).toBe('pending');
		expect(Number(order.total_amount)).toBe(400);
		const items = (await rest(`order_items?order_id=eq.${order.id}&select=name,qty&order=name`, jwt)).json;
		expect(items).toEqual([{ name: 'Cap', qty: 1 }, { name: 'T-Shirt', qty: 2 }]);
		await ok(client, 'nexus_update_order_status', { order_id: order.id, order_status: 'confirmed' });
		expect((await rest(`orders?id=eq.${order.id}&select=order_status`, jwt)).json).toEqual([{ order_status: 'confirmed' }]);
		const got = await ok(client, 'nexus_get_order', { order_id: order.id });
		expect(got.order_items).toHaveLength(2);
		const listed = await ok(client, 'nexus_list_orders', { order_status: 'confirmed', limit: 100 });
		expect(listed.data.map((o: Json) => o.id)).toContain(order.id);
	});

	it('inventory: stock per warehouse and totals are those of stock_balances', async () => {
		const [item] = (await rest('items?sku=eq.TSH-M-BLK&select=id,name', jwt)).json;
		const stock = await ok(client, 'nexus_check_stock', { sku: 'TSH-M-BLK' });
		const balances = (await rest(`stock_balances?item_id=eq.${item.id}`, jwt)).json;
		expect(stock.item_id).toBe(item.id);
		expect(stock.name).toBe(item.name);
		expect(stock.totals.available_quantity).toBe(balances.reduce((n: number, b: Json) => n + b.available_quantity, 0));
		expect(stock.balances).toHaveLength(balances.length);
		const listed = await ok(client, 'nexus_list_inventory', { search: 'TSH-M-BLK' });
		expect(listed.data.map((i: Json) => i.id)).toEqual([item.id]);
	});

	it('conversations: sending by tool stores the outbound message of the chat\'s platform; search finds the contact', async () => {
		const chats = await ok(client, 'nexus_list_conversations', { platform: 'facebook' });
		const chat = chats.data[0];
		const sent = await ok(client, 'nexus_send_message', { chat_id: chat.id, message: 'Sent through MCP' });
		const rows = (await rest(`messages?id=eq.${sent.message_id}&select=chat_id,content,direction,status`, jwt)).json;
		expect(rows).toEqual([{ chat_id: chat.id, content: 'Sent through MCP', direction: 'outbound', status: 'sent' }]);
		const found = await ok(client, 'nexus_search', { query: 'Mcp Created', types: ['contacts'] });
		expect(found.results.contacts).toHaveLength(1);
	});

	it('social: create, update, publish and list posts in social_posts and social_post_media; sync writes the Instagram feed', async () => {
		const post = await ok(client, 'nexus_create_social_post', { platform: 'instagram', content: 'From MCP', media_urls: ['https://cdn.example.com/a.jpg'] });
		expect(post.status).toBe('draft');
		expect((await rest(`social_post_media?post_id=eq.${post.id}&select=media_url`, jwt)).json).toEqual([{ media_url: 'https://cdn.example.com/a.jpg' }]);
		await ok(client, 'nexus_update_social_post', { post_id: post.id, content: 'From MCP, edited' });
		const published = await ok(client, 'nexus_publish_social_post', { post_id: post.id });
		expect((await rest(`social_posts?id=eq.${post.id}&select=content,status,platform_post_id`, jwt)).json).toEqual([
			{ content: 'From MCP, edited', status: 'published', platform_post_id: published.platform_post_id },
		]);
		const list = await ok(client, 'nexus_list_social_posts', { status: 'published', limit: 100 });
		expect(list.data.map((p: Json) => p.id)).toContain(post.id);
		expect((await refused(client, 'nexus_create_social_post', { platform: 'twitter', content: 'x' })).error).toBe('platform_not_supported');
		const before = (await rest('social_posts?platform=eq.instagram&select=id', jwt)).json.length;
		const sync = await ok(client, 'nexus_sync_social_posts', { platform: 'instagram' });
		expect((await rest('social_posts?platform=eq.instagram&select=id', jwt)).json.length).toBe(before + sync.created);
		expect(sync.created).toBeGreaterThan(0);
		const analytics = await ok(client, 'nexus_get_social_analytics', {});
		const metrics = (await rest('social_post_metrics_daily?select=impressions', jwt)).json;
		expect(analytics.totals.impressions).toBe(metrics.reduce((n: number, m: Json) => n + m.impressions, 0));
	});

	it('invites: invite and cancel through the same rows agent-invite uses', async () => {
		const invited = await ok(client, 'nexus_invite_organization_member', { email: 'new.member@example.com', role: 'viewer' });
		expect((await rest(`organization_invites?id=eq.${invited.invite.id}&select=email,status`, jwt)).json).toEqual([{ email: 'new.member@example.com', status: 'pending' }]);
		await ok(client, 'nexus_cancel_organization_invite', { invite_id: invited.invite.id });
		expect((await rest(`organization_invites?id=eq.${invited.invite.id}&select=status`, jwt)).json).toEqual([{ status: 'cancelled' }]);
		const listed = await ok(client, 'nexus_list_organization_invites', { per_page: 100 });
		expect(listed.data.map((i: Json) => i.id)).toContain(invited.invite.id);
	});

	it('internal chat: a DM opened by email, a message stored with agent_account_id and sender_id null', async () => {
		const [member] = (await rest('organization_members?role=eq.member&order=email&limit=1', jwt)).json;
		const dm = await ok(client, 'nexus_open_internal_dm', { user_email: member.email });
		expect(dm.created).toBe(true);
		expect((await ok(client, 'nexus_open_internal_dm', { user_id: member.user_id })).conversation.id).toBe(dm.conversation.id);
		const msg = await ok(client, 'nexus_send_internal_message', { conversation_id: dm.conversation.id, content: 'Hello from the agent' });
		const [agent] = await s.query('select agent_id from private.agent_api_keys where organization_id = $1 order by created_at limit 1', [s.orgs.a.id]);
		expect((await rest(`internal_messages?id=eq.${msg.id}&select=sender_id,agent_account_id,content`, jwt)).json).toEqual([
			{ sender_id: null, agent_account_id: agent.agent_id, content: 'Hello from the agent' },
		]);
		const messages = await ok(client, 'nexus_get_internal_messages', { conversation_id: dm.conversation.id });
		expect(messages.data.map((m: Json) => m.content)).toEqual(['Hello from the agent']);
		const listed = await ok(client, 'nexus_list_internal_conversations');
		expect(listed.data.map((c: Json) => c.id)).toContain(dm.conversation.id);
	});

	it('conversation intelligence: taxonomy, annotation and prompt writes land in their tables; the tools give the RPCs\' figures', async () => {
		await ok(client, 'nexus_update_ai_tag_definition', { tag: 'delivery_delay', category: 'post_sale', description: 'Late delivery' });
		expect((await rest('ai_tag_definitions?tag=eq.delivery_delay&select=scope,category', jwt)).json).toEqual([{ scope: 'message', category: 'post_sale' }]);
		const [message] = (await rest('messages?direction=eq.inbound&order=timestamp.desc&limit=1&select=id', jwt)).json;
		const annotation = await ok(client, 'nexus_update_message_annotation', { message_id: message.id, tags: ['delivery_delay'], intent: 'complain_delay' });
		expect(annotation.tag_group).toBe('post_sale');
		expect((await rest(`ai_message_annotations?message_id=eq.${message.id}&select=tags,intent,source`, jwt)).json).toEqual([{ tags: ['delivery_delay'], intent: 'complain_delay', source: 'manual' }]);
		expect((await ok(client, 'nexus_get_message_ai_annotation', { message_id: message.id })).annotation.id).toBe(annotation.id);
		expect((await refused(client, 'nexus_update_message_annotation', { message_id: message.id, tags: ['no_such_tag'] })).error).toBe('unknown_tag');
		await ok(client, 'nexus_set_org_ai_annotation_prompt', { prompt_key: 'tag_group', prompt_text: 'Pick one group.' });
		await ok(client, 'nexus_update_org_conversation_intelligence_context', { industry: 'fashion retail' });
		const settings = await ok(client, 'nexus_get_org_ai_annotation_settings');
		expect(settings.prompts.find((p: Json) => p.prompt_key === 'tag_group').prompt_text).toBe('Pick one group.');
		expect(settings.profile.industry).toBe('fashion retail');
		const defs = await ok(client, 'nexus_list_ai_tag_definitions', { category: 'post_sale' });
		expect(defs.data.map((d: Json) => d.tag)).toContain('delivery_delay');
		const listed = await ok(client, 'nexus_list_message_annotations', { tag: 'delivery_delay' });
		expect(listed.data.map((a: Json) => a.message_id)).toEqual([message.id]);

		const dashboard = await ok(client, 'nexus_get_conversation_intelligence_dashboard', { platform: 'whatsapp' });
		const viaRpc = await rest('rpc/rpc_ai_get_conversation_dashboard', jwt, { method: 'POST', body: { p_platform: 'whatsapp', p_to: dashboard.to } });
		expect(viaRpc.json).toEqual(dashboard);
		const [customer] = (await rest('customers?order=created_at&limit=1&select=id', jwt)).json;
		const intel = await ok(client, 'nexus_get_customer_conversation_intelligence', { customer_id: customer.id, days: 60 });
		const intelRpc = await rest('rpc/rpc_ai_get_customer_intelligence', jwt, { method: 'POST', body: { p_customer_id: customer.id, p_days: 60 } });
		expect({ ...intelRpc.json, since: null }).toEqual({ ...intel, since: null });
	});
});

describe('scope and plan rules', () => {
	afterEach(async () => {
		await s.query(`update public.organizations set plan = 'starter' where id = $1`, [s.orgs.b.id]);
	});

	it('a read-only key reads but every write is an isError result naming the scope; nothing is written', async () => {
		const client = await connect(await keyWith(['read']));
		expect((await ok(client, 'nexus_list_contacts', { limit: 1 })).data).toHaveLength(1);
		const [{ n: before }] = await s.query('select count(*)::int as n from public.customers');
		const r = await refused(client, 'nexus_create_contact', { first_name: 'Nope' });
		expect(r.error).toBe('insufficient_scope');
		expect(r.message).toContain("'write'");
		const [{ n: after }] = await s.query('select count(*)::int as n from public.customers');
		expect(after).toBe(before);
	});

	it('deleting a social post needs admin: refused for a write key, refused on the starter plan even with admin, allowed on growth', async () => {
		const writer = await connect();
		const post = await ok(writer, 'nexus_create_social_post', { platform: 'facebook', content: 'to delete' });
		expect((await refused(writer, 'nexus_delete_social_post', { post_id: post.id })).error).toBe('insufficient_scope');
		const starterAdmin = await connect(await keyWith(['read', 'write', 'admin'], 'b'));
		const bPost = await ok(starterAdmin, 'nexus_create_social_post', { platform: 'facebook', content: 'starter' });
		expect((await refused(starterAdmin, 'nexus_delete_social_post', { post_id: bPost.id })).error).toBe('plan_scope_limit');
		const admin = await connect(await keyWith(['read', 'write', 'admin']));
		expect(await ok(admin, 'nexus_delete_social_post', { post_id: post.id })).toEqual({ deleted: true, post_id: post.id });
		expect(await s.query('select id from public.social_posts where id = $1', [post.id])).toEqual([]);
	});

	it('below the starter plan social tools are refused and MCP is read-only', async () => {
		await s.query(`update public.organizations set plan = 'free' where id = $1`, [s.orgs.b.id]);
		const client = await connect(s.orgs.b.apiKey);
		expect((await refused(client, 'nexus_list_social_posts')).error).toBe('plan_upgrade_required');
		expect((await refused(client, 'nexus_create_contact', { first_name: 'Free' })).error).toBe('plan_scope_limit');
		expect((await ok(client, 'nexus_list_orders', { limit: 1 })).data).toHaveLength(1);
	});

	it('bad arguments are an isError result; an unknown tool is a JSON-RPC error', async () => {
		const client = await connect();
		const bad = await refused(client, 'nexus_get_contact', { contact_id: 'not-a-uuid' });
		expect(bad.error).toBe('invalid_arguments');
		expect(bad.message).toContain('contact_id');
		await expect(client.callTool({ name: 'nexus_no_such_tool', arguments: {} })).rejects.toMatchObject({ code: -32602 });
	});
});

describe('sessions, answer modes and tools added at run time', () => {
	afterEach(async () => {
		await fetch(`${s.controlUrl}/mcp/response-mode`, { method: 'POST', body: JSON.stringify({ mode: 'json' }) });
		await fetch(`${s.controlUrl}/mcp/tools`, { method: 'DELETE' });
	});

	it('an expired session answers 404 and a client that initializes again works', async () => {
		const client = await connect();
		await ok(client, 'nexus_list_contacts', { limit: 1 });
		await fetch(`${s.controlUrl}/mcp/expire-sessions`, { method: 'POST' });
		await expect(client.callTool({ name: 'nexus_list_contacts', arguments: { limit: 1 } })).rejects.toMatchObject({ code: 404 });
		const again = await connect();
		expect((await ok(again, 'nexus_list_contacts', { limit: 1 })).data).toHaveLength(1);
	});

	it('answers as JSON or as an SSE stream, as the control endpoint says, with the same results', async () => {
		const client = await connect();
		postAnswerTypes.length = 0;
		const asJson = await ok(client, 'nexus_list_orders', { limit: 3 });
		expect(postAnswerTypes).toEqual([expect.stringMatching(/^application\/json/)]);
		await fetch(`${s.controlUrl}/mcp/response-mode`, { method: 'POST', body: JSON.stringify({ mode: 'sse' }) });
		postAnswerTypes.length = 0;
		const asSse = await ok(client, 'nexus_list_orders', { limit: 3 });
		expect(postAnswerTypes).toEqual([expect.stringMatching(/^text\/event-stream/)]);
		expect(asSse).toEqual(asJson);
	});

	it('a tool added at run time is announced, listed and callable', async () => {
		const client = await connect();
		const announced = new Promise<void>((resolve) => client.setNotificationHandler(ToolListChangedNotificationSchema, async () => resolve()));
		const added = await fetch(`${s.controlUrl}/mcp/tools`, {
			method: 'POST',
			body: JSON.stringify({ name: 'nexus_beta_tool', description: 'Beta', inputSchema: { type: 'object', properties: { x: { type: 'integer' } }, required: ['x'] }, result: { answer: 42 } }),
		});
		expect(added.status).toBe(200);
		await announced;
		const { tools } = await client.listTools();
		expect(tools).toHaveLength(42);
		expect(tools.find((t) => t.name === 'nexus_beta_tool')?.inputSchema.required).toEqual(['x']);
		expect(await ok(client, 'nexus_beta_tool', { x: 1 })).toEqual({ answer: 42 });
		expect((await refused(client, 'nexus_beta_tool', {})).error).toBe('invalid_arguments');
	});
});

describe('RPCs under /rest/v1/rpc', () => {
	it('rpc_ai_get_customer_intelligence counts the customer\'s messages and annotations from the data', async () => {
		const jwt = await token(s.orgs.a.apiKey);
		const [chat] = await s.query(`select c.id, c.contact_phone from public.chats c where c.organization_id = $1 and c.platform = 'whatsapp' order by c.created_at limit 1`, [s.orgs.a.id]);
		const [customer] = await s.query('select id from public.customers where phone_number = $1', [chat.contact_phone]);
		const [expected] = await s.query(
			`select count(*)::int as total, count(*) filter (where direction = 'inbound')::int as inbound,
				(select count(*)::int from public.ai_message_annotations a where a.chat_id = $1) as annotated
			from public.messages where chat_id = $1`,
			[chat.id],
		);
		const r = await rest('rpc/rpc_ai_get_customer_intelligence', jwt, { method: 'POST', body: { p_customer_id: customer.id, p_days: 365 } });
		expect(r.status).toBe(200);
		expect(r.json.chat_ids).toEqual([chat.id]);
		expect(r.json.messages.total).toBe(expected.total);
		expect(r.json.messages.inbound).toBe(expected.inbound);
		expect(r.json.annotated_messages).toBe(expected.annotated);
	});

	it('rpc_ai_get_conversation_dashboard counts only the caller\'s organization; unknown functions 404 PGRST202; no JWT 401', async () => {
		const jwt = await token(s.orgs.b.apiKey);
		const [expected] = await s.query(`select count(*)::int as n, count(distinct chat_id)::int as chats from public.messages where organization_id = $1 and "timestamp" >= now() - interval '30 days'`, [s.orgs.b.id]);
		const r = await rest('rpc/rpc_ai_get_conversation_dashboard', jwt, { method: 'POST', body: {} });
		expect(r.status).toBe(200);
		expect(r.json.messages.total).toBe(expected.n);
		expect(r.json.conversations).toBe(expected.chats);
		const missing = await rest('rpc/rpc_nope', jwt, { method: 'POST', body: {} });
		expect(missing.status).toBe(404);
		expect(missing.json.code).toBe('PGRST202');
		const wrongArgs = await rest('rpc/rpc_ai_get_conversation_dashboard', jwt, { method: 'POST', body: { p_nope: 1 } });
		expect(wrongArgs.json.code).toBe('PGRST202');
		const anon = await fetch(`${s.baseUrl}/rest/v1/rpc/rpc_ai_get_conversation_dashboard`, { method: 'POST', headers: { apikey: s.anonKey, 'content-type': 'application/json' }, body: '{}' });
		expect(anon.status).toBe(401);
	});
});

describe('items without a name column (sandbox option)', () => {
	let noName: NexusSandbox;
	afterAll(async () => {
		await noName?.close();
	});

	it('PostgREST has no items.name; the inventory tools synthesize it from description / item_no', async () => {
		noName = await startNexusSandbox({ itemsWithoutName: true, requestsPerMinute: 0 });
		const jwt = ((await (await fetch(`${noName.baseUrl}/functions/v1/agent-auth`, { method: 'POST', body: JSON.stringify({ api_key: noName.orgs.a.apiKey }) })).json()) as Json).access_token;
		const byName = await fetch(`${noName.baseUrl}/rest/v1/items?select=name`, { headers: { apikey: noName.anonKey, authorization: `Bearer ${jwt}` } });
		expect(byName.status).toBe(400);
		const client = new Client({ name: 'no-name', version: '1' });
		await client.connect(new StreamableHTTPClientTransport(new URL(`${noName.baseUrl}/functions/v1/mcp-server`), { requestInit: { headers: { authorization: `Bearer ${jwt}` } } }));
		clients.push(client);
		const list = await ok(client, 'nexus_list_inventory', { search: 'TSH-M-BLK' });
		expect(list.data).toHaveLength(1);
		expect(list.data[0].name).toBe(list.data[0].description);
		expect((await ok(client, 'nexus_check_stock', { sku: 'TSH-M-BLK' })).name).toBe(list.data[0].description);
	});
});

describe('faults on an answer streamed as SSE', () => {
	const MCP_URL = () => `${s.baseUrl}/functions/v1/mcp-server`;
	const HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
	afterEach(async () => {
		s.faults.clear();
		s.mcp.responseMode = 'json';
		await s.mcp.removeAddedTools();
	});

	/** A session opened by hand (initialize, then initialized), for raw tools/call requests. */
	async function session(): Promise<{ jwt: string; id: string }> {
		const jwt = await token(s.orgs.a.apiKey);
		const init = await fetch(MCP_URL(), {
			method: 'POST',
			headers: { ...HEADERS, authorization: `Bearer ${jwt}` },
			body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } }),
		});
		const id = init.headers.get('mcp-session-id') ?? '';
		await init.text();
		const headers = { ...HEADERS, authorization: `Bearer ${jwt}`, 'mcp-session-id': id, 'mcp-protocol-version': '2025-06-18' };
		await (await fetch(MCP_URL(), { method: 'POST', headers, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) })).text();
		return { jwt, id };
	}

	const call = async (open: { jwt: string; id: string }) =>
		await fetch(MCP_URL(), {
			method: 'POST',
			headers: { ...HEADERS, authorization: `Bearer ${open.jwt}`, 'mcp-session-id': open.id, 'mcp-protocol-version': '2025-06-18' },
			body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'acme_count', arguments: {} } }),
		});

	it('drop-stream ends the stream cleanly before the JSON-RPC response; truncate mid-event; the tool ran each time', async () => {
		await s.mcp.addTool({ name: 'acme_count', access: 'write' });
		s.mcp.responseMode = 'sse';
		const before = s.mcp.applied('acme_count');
		const open = await session();
		const whole = await call(open);
		expect(await whole.text()).toMatch(/"result"/);
		s.faults.add({ kind: 'drop-stream', method: 'POST', pathIncludes: '/mcp-server' });
		const dropped = await call(open);
		expect(dropped.status).toBe(200);
		expect(dropped.headers.get('content-type')).toMatch(/^text\/event-stream/);
		expect(dropped.headers.get('content-length')).toBeNull();
		expect(await dropped.text()).toBe('');
		s.faults.add({ kind: 'truncate', method: 'POST', pathIncludes: '/mcp-server' });
		const cut = await (await call(open)).text();
		expect(cut).toMatch(/^event: message\ndata: \{/);
		expect(() => JSON.parse(cut.split('data: ')[1])).toThrow();
		expect(s.mcp.applied('acme_count') - before).toBe(3);
	});

	it('reset tears the connection down mid-stream, after the tool ran', async () => {
		await s.mcp.addTool({ name: 'acme_count', access: 'write' });
		s.mcp.responseMode = 'sse';
		const before = s.mcp.applied('acme_count');
		const open = await session();
		s.faults.add({ kind: 'reset', method: 'POST', pathIncludes: '/mcp-server' });
		const reset = await call(open);
		expect(reset.headers.get('content-type')).toMatch(/^text\/event-stream/);
		await expect(reset.text()).rejects.toThrow();
		expect(s.mcp.applied('acme_count') - before).toBe(1);
	});
});
