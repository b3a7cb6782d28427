/**
 * The Nexus sandbox over real HTTP: agent auth, PostgREST grammar and headers, row-level
 * security, errors, rate limits, edge-function state changes, faults and control endpoints.
 */
import { describeNexusSandbox, type NexusSandbox, startNexusSandbox } from './nexus';
import { PUBLIC_TABLES } from './nexus/schema';

let s: NexusSandbox;
let tokenA: string;
let tokenB: string;

interface Res {
	status: number;
	headers: Headers;
	text: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	json: any;
}

async function call(method: string, url: string, init: { headers?: Record<string, string>; body?: unknown } = {}): Promise<Res> {
	const headers: Record<string, string> = { ...(init.headers ?? {}) };
	let body: string | undefined;
	if (init.body !== undefined) {
		body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
		headers['content-type'] ??= 'application/json';
	}
	const r = await fetch(url, { method, headers, body });
	const text = await r.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: r.status, headers: r.headers, text, json };
}

async function exchange(apiKey: string): Promise<Res> {
	return call('POST', `${s.baseUrl}/functions/v1/agent-auth`, { body: { api_key: apiKey } });
}

function rest(method: string, path: string, opts: { token?: string | null; headers?: Record<string, string>; body?: unknown } = {}): Promise<Res> {
	const token = opts.token === undefined ? tokenA : opts.token;
	const headers: Record<string, string> = { apikey: s.anonKey, ...(token ? { authorization: `Bearer ${token}` } : {}), ...(opts.headers ?? {}) };
	return call(method, `${s.baseUrl}/rest/v1/${path}`, { headers, body: opts.body });
}

function fn(name: string, body?: unknown, opts: { token?: string; method?: string; query?: string } = {}): Promise<Res> {
	const headers = { apikey: s.anonKey, authorization: `Bearer ${opts.token ?? tokenA}` };
	return call(opts.method ?? 'POST', `${s.baseUrl}/functions/v1/${name}${opts.query ?? ''}`, { headers, body });
}

/** PostgREST quoting for `in.(...)` and logic trees: "..." with \" and \\ escaped. */
function quote(v: string): string {
	return `"${v.replace(/[\\"]/g, (m) => `\\${m}`)}"`;
}

const enc = encodeURIComponent;

function decodeJwt(token: string): Record<string, unknown> {
	return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

beforeAll(async () => {
	s = await startNexusSandbox({ requestsPerMinute: 0, authAttemptsPerMinute: 1000 });
	tokenA = (await exchange(s.orgs.a.apiKey)).json.access_token;
	tokenB = (await exchange(s.orgs.b.apiKey)).json.access_token;
});

afterAll(async () => {
	await s?.close();
});

describe('agent-auth', () => {
	it('exchanges an API key for a signed JWT carrying the organization', async () => {
		const before = s.authExchanges();
		const r = await exchange(s.orgs.a.apiKey);
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ access_token: expect.any(String), organization_id: s.orgs.a.id, expires_in: 3600 });
		const claims = decodeJwt(r.json.access_token);
		expect(claims).toMatchObject({ organization_id: s.orgs.a.id, role: 'authenticated', sub: expect.any(String) });
		expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
		expect(s.authExchanges()).toBe(before + 1);
		expect(describeNexusSandbox(s)).toContain(s.orgs.a.apiKey);
	});

	it('answers 401 with an edge-function error for a bad key and 400 without one', async () => {
		const bad = await exchange(`nxs_ak_${'x'.repeat(48)}`);
		expect(bad.status).toBe(401);
		expect(bad.json).toEqual({ error: 'invalid_api_key', message: expect.any(String) });
		const missing = await call('POST', `${s.baseUrl}/functions/v1/agent-auth`, { body: {} });
		expect(missing.status).toBe(400);
		expect(missing.json.error).toBe('validation_error');
	});

	it('limits attempts per IP with 429 and Retry-After', async () => {
		s.setAuthAttemptsPerMinute(2);
		try {
			expect((await exchange(s.orgs.a.apiKey)).status).toBe(200);
			expect((await exchange('nxs_ak_bad')).status).toBe(401);
			const limited = await exchange(s.orgs.a.apiKey);
			expect(limited.status).toBe(429);
			expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
			expect(limited.json).toEqual({ error: 'rate_limit_exceeded', message: expect.any(String) });
		} finally {
			s.setAuthAttemptsPerMinute(1000);
		}
	});
});

describe('gateway and JWT checks', () => {
	it('requires the apikey header', async () => {
		const none = await call('GET', `${s.baseUrl}/rest/v1/orders`, { headers: { authorization: `Bearer ${tokenA}` } });
		expect(none.status).toBe(401);
		expect(none.json.message).toBe('No API key found in request');
		const wrong = await rest('GET', 'orders', { headers: { apikey: 'nope' } });
		expect(wrong.status).toBe(401);
	});

	it('answers PGRST303 with WWW-Authenticate for expired tokens and PGRST301 for bad ones', async () => {
		const fresh = (await exchange(s.orgs.a.apiKey)).json.access_token as string;
		expect((await rest('GET', 'orders?limit=1', { token: fresh })).status).toBe(200);
		s.expireTokens();
		const expired = await rest('GET', 'orders?limit=1', { token: fresh });
		expect(expired.status).toBe(401);
		expect(expired.json).toMatchObject({ code: 'PGRST303', message: 'JWT expired' });
		expect(expired.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="JWT expired"');
		const fnExpired = await fn('agent-usage', undefined, { token: fresh, method: 'GET' });
		expect(fnExpired.status).toBe(401);

		const forged = `${fresh.split('.').slice(0, 2).join('.')}.c2lnbmF0dXJl`;
		const bad = await rest('GET', 'orders?limit=1', { token: forged });
		expect(bad.status).toBe(401);
		expect(bad.json.code).toBe('PGRST301');

		// Real expiry by lifetime.
		s.setJwtLifetime(1);
		const short = (await exchange(s.orgs.a.apiKey)).json;
		expect(short.expires_in).toBe(1);
		await new Promise((r) => setTimeout(r, 1100));
		expect((await rest('GET', 'orders?limit=1', { token: short.access_token })).json.code).toBe('PGRST303');
		s.setJwtLifetime(3600);
		tokenA = (await exchange(s.orgs.a.apiKey)).json.access_token;
		tokenB = (await exchange(s.orgs.b.apiKey)).json.access_token;
	});

	it('runs requests without a JWT as anon, which has no table privileges (401 42501)', async () => {
		const r = await rest('GET', 'orders', { token: null });
		expect(r.status).toBe(401);
		expect(r.json.code).toBe('42501');
	});
});

describe('row-level security', () => {
	it('never shows another organization through any table', async () => {
		for (const table of PUBLIC_TABLES) {
			const r = await rest('GET', `${table}?limit=100`);
			expect(r.status).toBe(200);
			expect(r.json.length).toBeGreaterThan(0);
			const orgColumn = table === 'organizations' ? 'id' : 'organization_id';
			for (const row of r.json) expect(row[orgColumn]).toBe(s.orgs.a.id);
			const other = await rest('GET', `${table}?${orgColumn}=eq.${s.orgs.b.id}`);
			expect(other.json).toEqual([]);
			const orTree = await rest('GET', `${table}?or=(${orgColumn}.eq.${s.orgs.b.id},${orgColumn}.not.is.null)&limit=100`);
			for (const row of orTree.json) expect(row[orgColumn]).toBe(s.orgs.a.id);
		}
	});

	it("cannot read, change or delete another organization's rows, nor write rows into it", async () => {
		const [orderB] = await s.query('select id, order_status from public.orders where organization_id = $1 limit 1', [s.orgs.b.id]);
		expect((await rest('GET', `orders?id=eq.${orderB.id}`)).json).toEqual([]);
		const patch = await rest('PATCH', `orders?id=eq.${orderB.id}`, { body: { order_status: 'cancelled' }, headers: { prefer: 'return=representation' } });
		expect(patch.status).toBe(200);
		expect(patch.json).toEqual([]);
		await rest('DELETE', `orders?id=eq.${orderB.id}`);
		const [after] = await s.query('select order_status from public.orders where id = $1', [orderB.id]);
		expect(after.order_status).toBe(orderB.order_status);
		const insert = await rest('POST', 'customers', { body: { organization_id: s.orgs.b.id, first_name: 'Intruder' } });
		expect(insert.status).toBe(403);
		expect(insert.json.code).toBe('42501');
		// Child rows of another organization's parent are rejected too.
		const child = await rest('POST', 'order_items', { body: { order_id: orderB.id, name: 'x', qty: 1 } });
		expect(child.status).toBe(403);
	});
});

describe('PostgREST grammar', () => {
	const tricky = ['a,b', 'a.b', 'a:b', 'a*b', '(a)', 'say "hi"', 'back\\slash', 'x),id.neq.(', 'مرحبا ✓ 日本', 'all , . : * ( ) " \\ together'];

	it('treats a hostile value as data: x),id.neq.( finds nothing instead of widening', async () => {
		const v = 'x),id.neq.(';
		for (const path of [
			`customers?first_name=eq.${enc(v)}`,
			`customers?first_name=in.(${enc(quote(v))})`,
			`customers?or=(first_name.eq.${enc(quote(v))})`,
			`customers?or=(first_name.eq.${enc(quote(v))},and(last_name.eq.${enc(quote(v))}))`,
		]) {
			const r = await rest('GET', path);
			expect(r.status).toBe(200);
			expect(r.json).toEqual([]);
		}
		// Unquoted, the structure cannot widen either: the trailing text is not a new filter.
		const raw = await rest('GET', `customers?or=(first_name.eq.${enc(v)})`);
		expect(raw.status === 400 || (raw.status === 200 && raw.json.length === 0)).toBe(true);
	});

	it('round-trips reserved characters, quotes, backslashes and unicode in eq, in.() and or=()', async () => {
		const created = await rest('POST', 'customers?select=id,first_name', {
			body: tricky.map((first_name) => ({ organization_id: s.orgs.a.id, first_name, last_name: 'Quoting' })),
			headers: { prefer: 'return=representation' },
		});
		expect(created.status).toBe(201);
		expect(created.json.map((r: { first_name: string }) => r.first_name)).toEqual(tricky);
		for (const v of tricky) {
			const eq = await rest('GET', `customers?select=first_name&first_name=eq.${enc(v)}`);
			expect(eq.json).toEqual([{ first_name: v }]);
			const inList = await rest('GET', `customers?select=first_name&first_name=in.(${enc(quote(v))},${enc(quote('nobody'))})`);
			expect(inList.json).toEqual([{ first_name: v }]);
			const or = await rest('GET', `customers?select=first_name&or=(first_name.eq.${enc(quote(v))},first_name.eq.${enc(quote('nobody'))})`);
			expect(or.json).toEqual([{ first_name: v }]);
		}
		const all = await rest('GET', `customers?select=first_name&last_name=eq.Quoting&first_name=in.(${tricky.map((v) => enc(quote(v))).join(',')})`);
		expect(all.json).toHaveLength(tricky.length);
	});

	it('supports the operators, not., nested logic, like with *, is, order and embedding', async () => {
		const pending = await rest('GET', 'orders?select=order_status&order_status=eq.pending');
		expect(pending.json.length).toBeGreaterThan(0);
		expect(pending.json.every((o: { order_status: string }) => o.order_status === 'pending')).toBe(true);
		const notPending = await rest('GET', 'orders?select=order_status&order_status=not.in.(pending,confirmed)');
		expect(notPending.json.some((o: { order_status: string }) => ['pending', 'confirmed'].includes(o.order_status))).toBe(false);
		const like = await rest('GET', 'items?select=sku&sku=like.TSH-*');
		expect(like.json.map((i: { sku: string }) => i.sku).sort()).toEqual(['TSH-L-WHT', 'TSH-M-BLK']);
		const ilike = await rest('GET', 'items?select=sku&name=ilike.*t-shirt*');
		expect(ilike.json).toHaveLength(2);
		const nested = await rest('GET', 'orders?select=order_status&or=(order_status.eq.shipped,and(order_status.eq.delivered,total_amount.gte.0))');
		expect(new Set(nested.json.map((o: { order_status: string }) => o.order_status))).toEqual(new Set(['shipped', 'delivered']));
		const nullAwb = await rest('GET', 'orders?select=awb_number&awb_number=is.null&order_status=eq.pending');
		expect(nullAwb.json.every((o: { awb_number: null }) => o.awb_number === null)).toBe(true);
		const gtLt = await rest('GET', 'stock_balances?select=available_quantity&available_quantity=lt.10');
		expect(gtLt.json.every((r: { available_quantity: number }) => r.available_quantity < 10)).toBe(true);
		const tags = await rest('GET', 'customers?select=tags&tags=cs.{vip}');
		expect(tags.json.length).toBeGreaterThan(0);
		expect(tags.json.every((c: { tags: string[] }) => c.tags.includes('vip'))).toBe(true);
		const archived = await rest('GET', 'chats?select=is_archived&is_archived=is.true');
		expect(archived.json).toEqual([{ is_archived: true }]);

		const ordered = await rest('GET', 'orders?select=created_at,id&order=created_at.desc,id.asc&limit=5');
		const times = ordered.json.map((o: { created_at: string }) => o.created_at);
		expect([...times].sort().reverse()).toEqual(times);
		const nulls = await rest('GET', 'orders?select=awb_number&order=awb_number.asc.nullsfirst&limit=1');
		expect(nulls.json[0].awb_number).toBeNull();

		const embedded = await rest('GET', 'orders?select=id,order_number,order_items(sku,qty),customer:customers(first_name)&order_status=eq.confirmed&limit=1');
		expect(embedded.json[0].order_items.length).toBeGreaterThan(0);
		expect(embedded.json[0].order_items[0]).toEqual({ sku: expect.any(String), qty: expect.any(Number) });
		expect(embedded.json[0].customer).toEqual({ first_name: expect.any(String) });
		const awbs = await rest('GET', 'awbs?select=awb_number,courier_name,awb_status_logs(status)&limit=1');
		expect(awbs.json[0].awb_status_logs.map((l: { status: string }) => l.status)).toContain('created');
		const json = await rest('GET', 'customers?select=first_name,city:address->>city&address->>city=eq.Cairo&limit=1');
		expect(json.json[0]).toEqual({ first_name: expect.any(String), city: 'Cairo' });
	});

	it('answers PGRST100 for a bad filter, 42703 for an unknown column, 404 PGRST205 for an unknown table', async () => {
		const bad = await rest('GET', 'orders?order_status=noop.pending');
		expect(bad.status).toBe(400);
		expect(bad.json).toMatchObject({ code: 'PGRST100', message: '"failed to parse filter (noop.pending)" (line 1, column 1)' });
		const col = await rest('GET', 'orders?status=eq.pending');
		expect(col.status).toBe(400);
		expect(col.json).toEqual({ code: '42703', details: null, hint: null, message: 'column orders.status does not exist' });
		const sel = await rest('GET', 'orders?select=id,quantity');
		expect(sel.json.code).toBe('42703');
		const table = await rest('GET', 'order');
		expect(table.status).toBe(404);
		expect(table.json).toMatchObject({ code: 'PGRST205', hint: "Perhaps you meant the table 'public.orders'" });
		const uuid = await rest('GET', 'orders?id=eq.not-a-uuid');
		expect(uuid.status).toBe(400);
		expect(uuid.json.code).toBe('22P02');
	});
});

describe('counts and ranges', () => {
	let total: number;
	beforeAll(async () => {
		await s.seedOrders({ org: 'b', count: 250, status: 'pending' });
		total = Number((await s.query('select count(*)::int as n from public.orders where organization_id = $1', [s.orgs.b.id]))[0].n);
	});

	it('answers 206 with Content-Range for a partial page and caps pages at 100 rows', async () => {
		const page = await rest('GET', 'orders?select=id&order=created_at.asc,id.asc', { token: tokenB, headers: { range: '0-24', prefer: 'count=exact' } });
		expect(page.status).toBe(206);
		expect(page.headers.get('content-range')).toBe(`0-24/${total}`);
		expect(page.json).toHaveLength(25);
		const capped = await rest('GET', 'orders?select=id&limit=1000&offset=10', { token: tokenB, headers: { prefer: 'count=exact' } });
		expect(capped.json).toHaveLength(100);
		expect(capped.headers.get('content-range')).toBe(`10-109/${total}`);
		const noCount = await rest('GET', 'orders?select=id&limit=5', { token: tokenB });
		expect(noCount.status).toBe(200);
		expect(noCount.headers.get('content-range')).toBe('0-4/*');
	});

	it('answers 200 when everything fits, */0 when empty and 416 PGRST103 past the end', async () => {
		const all = await rest('GET', 'warehouses?select=id', { headers: { prefer: 'count=exact' } });
		expect(all.status).toBe(200);
		expect(all.headers.get('content-range')).toBe(`0-${all.json.length - 1}/${all.json.length}`);
		const none = await rest('GET', 'orders?order_status=eq.nonexistent', { headers: { prefer: 'count=exact' } });
		expect(none.status).toBe(200);
		expect(none.headers.get('content-range')).toBe('*/0');
		const past = await rest('GET', 'orders?select=id', { token: tokenB, headers: { range: `${total + 10}-${total + 20}`, prefer: 'count=exact' } });
		expect(past.status).toBe(416);
		expect(past.json.code).toBe('PGRST103');
		expect(past.headers.get('content-range')).toBe(`*/${total}`);
	});

	it('returns a single object for vnd.pgrst.object+json and 406 PGRST116 otherwise', async () => {
		const [one] = await s.query('select id from public.orders where organization_id = $1 limit 1', [s.orgs.a.id]);
		const obj = await rest('GET', `orders?id=eq.${one.id}`, { headers: { accept: 'application/vnd.pgrst.object+json' } });
		expect(obj.status).toBe(200);
		expect(obj.json.id).toBe(one.id);
		const many = await rest('GET', 'orders', { headers: { accept: 'application/vnd.pgrst.object+json' } });
		expect(many.status).toBe(406);
		expect(many.json.code).toBe('PGRST116');
	});
});

describe('writes', () => {
	it('honours Prefer: return=representation on POST, PATCH and DELETE', async () => {
		const [customer] = await s.query('select id from public.customers where organization_id = $1 limit 1', [s.orgs.a.id]);
		const minimal = await rest('POST', 'orders', { body: { organization_id: s.orgs.a.id, customer_id: customer.id, order_status: 'pending', total_amount: 450, currency: 'EGP' } });
		expect(minimal.status).toBe(201);
		expect(minimal.text).toBe('');
		const created = await rest('POST', 'orders', {
			body: { organization_id: s.orgs.a.id, customer_id: customer.id, order_status: 'pending', total_amount: 450, currency: 'EGP' },
			headers: { prefer: 'return=representation' },
		});
		expect(created.status).toBe(201);
		const order = created.json[0];
		expect(order).toMatchObject({ order_status: 'pending', total_amount: 450, currency: 'EGP', order_number: expect.stringMatching(/^ORD-/) });
		// Postgres renders microseconds and trims trailing zeros (.12345 for .123450).
		expect(order.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?\+00:00$/);

		const patched = await rest('PATCH', `orders?id=eq.${order.id}`, { body: { order_status: 'confirmed' }, headers: { prefer: 'return=representation' } });
		expect(patched.status).toBe(200);
		expect(patched.json[0].order_status).toBe('confirmed');
		expect(patched.json[0].updated_at > order.updated_at).toBe(true);
		const silent = await rest('PATCH', `orders?id=eq.${order.id}`, { body: { order_status: 'on_hold_custom' } });
		expect(silent.status).toBe(204);

		const items = await rest('POST', 'order_items', {
			body: [
				{ order_id: order.id, name: 'T-Shirt', sku: 'TSH-M', qty: 2, unit_price: 150 },
				{ order_id: order.id, name: 'Cap', sku: 'CAP-BLK', qty: 1, unit_price: 100 },
			],
			headers: { prefer: 'return=representation' },
		});
		expect(items.status).toBe(201);
		expect(items.json.map((i: { organization_id: string }) => i.organization_id)).toEqual([s.orgs.a.id, s.orgs.a.id]);

		const deleted = await rest('DELETE', `order_items?order_id=eq.${order.id}&sku=eq.CAP-BLK`, { headers: { prefer: 'return=representation' } });
		expect(deleted.status).toBe(200);
		expect(deleted.json).toHaveLength(1);
		expect((await rest('DELETE', `order_items?order_id=eq.${order.id}`)).status).toBe(204);
		const unfiltered = await rest('DELETE', 'order_items');
		expect(unfiltered.status).toBe(400);
		expect(unfiltered.json.code).toBe('21000');
	});

	it('upserts with on_conflict and resolution=merge-duplicates / ignore-duplicates', async () => {
		const [sb] = await s.query('select item_id, warehouse_id, quantity from public.stock_balances where organization_id = $1 limit 1', [s.orgs.a.id]);
		const merged = await rest('POST', 'stock_balances?on_conflict=item_id,warehouse_id', {
			body: [{ organization_id: s.orgs.a.id, item_id: sb.item_id, warehouse_id: sb.warehouse_id, quantity: 777 }],
			headers: { prefer: 'return=representation,resolution=merge-duplicates' },
		});
		expect(merged.status).toBe(201);
		expect(merged.json[0]).toMatchObject({ quantity: 777, item_id: sb.item_id });
		const ignored = await rest('POST', 'stock_balances?on_conflict=item_id,warehouse_id', {
			body: { organization_id: s.orgs.a.id, item_id: sb.item_id, warehouse_id: sb.warehouse_id, quantity: 1 },
			headers: { prefer: 'return=representation,resolution=ignore-duplicates' },
		});
		expect(ignored.json).toEqual([]);
		const [now] = await s.query('select quantity from public.stock_balances where item_id = $1 and warehouse_id = $2', [sb.item_id, sb.warehouse_id]);
		expect(now.quantity).toBe(777);
	});

	it('maps constraint errors: 409 23505 duplicate, 409 23503 foreign key, 400 PGRST204 unknown payload column', async () => {
		const [existing] = await s.query('select id from public.customers where organization_id = $1 limit 1', [s.orgs.a.id]);
		const dup = await rest('POST', 'customers', { body: { id: existing.id, organization_id: s.orgs.a.id, first_name: 'Dup' } });
		expect(dup.status).toBe(409);
		expect(dup.json).toMatchObject({ code: '23505', message: expect.stringContaining('duplicate key') });
		const fk = await rest('POST', 'orders', { body: { organization_id: s.orgs.a.id, customer_id: '00000000-0000-4000-8000-000000000000' } });
		expect(fk.status).toBe(409);
		expect(fk.json.code).toBe('23503');
		const unknown = await rest('POST', 'orders', { body: { organization_id: s.orgs.a.id, status: 'pending' } });
		expect(unknown.status).toBe(400);
		expect(unknown.json.code).toBe('PGRST204');
	});
});

describe('rate limit', () => {
	it('answers 429 with Retry-After and a rate_limit_exceeded body', async () => {
		s.setRequestsPerMinute(3);
		try {
			for (let i = 0; i < 3; i++) expect((await rest('GET', 'warehouses?select=id')).status).toBe(200);
			const limited = await rest('GET', 'warehouses?select=id');
			expect(limited.status).toBe(429);
			expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
			expect(limited.json).toEqual({ error: 'rate_limit_exceeded', message: expect.any(String) });
			// Per user per organization: org b still has its own budget.
			expect((await rest('GET', 'warehouses?select=id', { token: tokenB })).status).toBe(200);
		} finally {
			s.setRequestsPerMinute(0);
		}
	});
});

describe('edge functions', () => {
	it('whatsapp-send-message stores an outbound message and updates the chat', async () => {
		const [chat] = await s.query(`select id from public.chats where organization_id = $1 and platform = 'whatsapp' limit 1`, [s.orgs.a.id]);
		const r = await fn('whatsapp-send-message', { chatId: chat.id, message: 'Your order shipped 📦', organizationId: s.orgs.a.id });
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({ success: true, message_id: expect.any(String), status: 'sent' });
		const stored = await rest('GET', `messages?id=eq.${r.json.message_id}&select=content,direction,message_type,chat_id`);
		expect(stored.json).toEqual([{ content: 'Your order shipped 📦', direction: 'outbound', message_type: 'text', chat_id: chat.id }]);
		const chatRow = await rest('GET', `chats?id=eq.${chat.id}&select=last_message`);
		expect(chatRow.json[0].last_message).toBe('Your order shipped 📦');

		const mismatch = await fn('whatsapp-send-message', { chatId: chat.id, message: 'x', organizationId: s.orgs.b.id });
		expect(mismatch.status).toBe(403);
		const missing = await fn('whatsapp-send-message', { chatId: '00000000-0000-4000-8000-000000000000', message: 'x', organizationId: s.orgs.a.id });
		expect(missing.status).toBe(404);
		expect(missing.json).toEqual({ error: 'chat_not_found', message: expect.any(String) });
		const invalid = await fn('whatsapp-send-message', { message: 'x', organizationId: s.orgs.a.id });
		expect(invalid.status).toBe(400);
		// Another organization's chat is invisible.
		expect((await fn('whatsapp-send-message', { chatId: chat.id, message: 'x', organizationId: s.orgs.b.id }, { token: tokenB })).status).toBe(404);
	});

	it('whatsapp-send-template, facebook-send-message and instagram-send-message store messages', async () => {
		const tpl = await fn('whatsapp-send-template', { phone_number: '+201011112222', template_name: 'order_update', language: 'ar', components: [{ type: 'body', parameters: [{ type: 'text', text: 'CT-1001' }] }] });
		expect(tpl.status).toBe(200);
		expect(tpl.json.chat_created).toBe(true);
		const [msg] = await s.query('select message_type, content from public.messages where id = $1', [tpl.json.message_id]);
		expect(msg.message_type).toBe('template');
		expect((await fn('whatsapp-send-template', { phone_number: '01011112222', template_name: 'order_update' })).json.error).toBe('invalid_phone_number');
		for (const platform of ['facebook', 'instagram'] as const) {
			const [chat] = await s.query(`select id from public.chats where organization_id = $1 and platform = $2 limit 1`, [s.orgs.a.id, platform]);
			const r = await fn(`${platform}-send-message`, { chatId: chat.id, message: `hello ${platform}` });
			expect(r.status).toBe(200);
			const [row] = await s.query('select direction, content from public.messages where id = $1', [r.json.message_id]);
			expect(row).toEqual({ direction: 'outbound', content: `hello ${platform}` });
		}
	});

	it('enforces the order-to-ship workflow: start-picking, complete-pick, create-awb-bosta', async () => {
		const [customer] = await s.query('select id from public.customers where organization_id = $1 limit 1', [s.orgs.a.id]);
		const order = (await rest('POST', 'orders', { body: { organization_id: s.orgs.a.id, customer_id: customer.id, total_amount: 300, currency: 'EGP' }, headers: { prefer: 'return=representation' } })).json[0];
		const [item] = await s.query(`select id, sku, name from public.items where organization_id = $1 and sku = 'CAP-BLK'`, [s.orgs.a.id]);
		await rest('POST', 'order_items', { body: { order_id: order.id, item_id: item.id, sku: item.sku, name: item.name, qty: 2, unit_price: 100 } });

		const early = await fn('start-picking', { order_id: order.id });
		expect(early.status).toBe(409);
		expect(early.json.error).toBe('invalid_order_status');
		expect((await fn('start-picking', { order_id: 'nope' })).status).toBe(400);
		expect((await fn('start-picking', { order_id: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);

		await rest('PATCH', `orders?id=eq.${order.id}`, { body: { order_status: 'confirmed' } });
		const stockBefore = (await s.query(`select quantity, reserved_quantity from public.stock_balances sb join public.warehouses w on w.id = sb.warehouse_id where sb.item_id = $1 and w.is_active`, [item.id]))[0];
		const started = await fn('start-picking', { order_id: order.id });
		expect(started.status).toBe(200);
		const pickListId = started.json.pick_list_id;
		expect(started.json.pick_list).toMatchObject({ status: 'in_progress', order_id: order.id });
		expect(started.json.pick_list.items).toHaveLength(1);
		expect((await fn('start-picking', { order_id: order.id })).status).toBe(409);

		const picked = await fn('complete-pick', { pick_list_id: pickListId });
		expect(picked.status).toBe(200);
		expect(picked.json.pick_list.status).toBe('completed');
		expect((await fn('complete-pick', { pick_list_id: pickListId })).status).toBe(409);
		const stockAfter = (await s.query(`select quantity, reserved_quantity from public.stock_balances sb join public.warehouses w on w.id = sb.warehouse_id where sb.item_id = $1 and w.is_active`, [item.id]))[0];
		expect(stockAfter.quantity).toBe(Math.max(0, stockBefore.quantity - 2));

		const tooEarly = await fn('create-awb-bosta', { order_id: order.id });
		expect(tooEarly.status).toBe(409);
		await rest('PATCH', `orders?id=eq.${order.id}`, { body: { order_status: 'fulfilling' } });
		const awb = await fn('create-awb-bosta', { order_id: order.id, pickup_date: '2030-01-15' });
		expect(awb.status).toBe(200);
		expect(awb.json.awb_number).toMatch(/^BST\d{10}$/);
		const shipped = await rest('GET', `orders?id=eq.${order.id}&select=order_status,awb_number,awbs(courier_name,status,awb_status_logs(status))`);
		expect(shipped.json[0]).toEqual({
			order_status: 'shipped',
			awb_number: awb.json.awb_number,
			awbs: [{ courier_name: 'bosta', status: 'created', awb_status_logs: [{ status: 'created' }] }],
		});
		expect((await fn('create-awb-bosta', { order_id: order.id })).json.error).toBe('awb_already_exists');
	});

	it('call-initiate logs a call (and is refused on a plan without VoIP)', async () => {
		const r = await fn('call-initiate', { phone_number: '+201234567890' });
		expect(r.status).toBe(200);
		const [log] = await s.query('select direction, called_number, organization_id from public.call_logs where id = $1', [r.json.call_id]);
		expect(log).toEqual({ direction: 'outbound', called_number: '+201234567890', organization_id: s.orgs.a.id });
		const b = await fn('call-initiate', { phone_number: '+201234567890' }, { token: tokenB });
		expect(b.status).toBe(403);
		expect(b.json.error).toBe('plan_limit_exceeded');
	});

	it('agent-invite invites, lists with pagination, resends and cancels', async () => {
		const invited = await fn('agent-invite', { action: 'invite', email: 'New.Packer@Example.com', role: 'member' });
		expect(invited.status).toBe(201);
		const id = invited.json.invite.id;
		expect(invited.json.invite).toMatchObject({ email: 'new.packer@example.com', status: 'pending' });
		expect((await fn('agent-invite', { action: 'invite', email: 'new.packer@example.com' })).status).toBe(409);
		expect((await fn('agent-invite', { action: 'invite', email: 'not-an-email' })).json.error).toBe('invalid_email');
		const list = await fn('agent-invite', { action: 'list' }, { query: '?page=1&per_page=2' });
		expect(list.status).toBe(200);
		expect(list.json.pagination).toEqual({ page: 1, per_page: 2, total: 3, total_pages: 2 });
		expect(list.json.data).toHaveLength(2);
		const resent = await fn('agent-invite', { action: 'resend', invite_id: id });
		expect(resent.json.invite.resend_count).toBe(1);
		const cancelled = await fn('agent-invite', { action: 'cancel', invite_id: id });
		expect(cancelled.json.invite.status).toBe('cancelled');
		expect((await fn('agent-invite', { action: 'cancel', invite_id: id })).status).toBe(409);
		expect((await fn('agent-invite', { action: 'cancel', invite_id: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
	});

	it('agent-usage reports plan, counters and warnings', async () => {
		const r = await fn('agent-usage', undefined, { method: 'GET' });
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({ plan: 'growth', organization_id: s.orgs.a.id, warnings: expect.any(Array) });
		expect(r.json.usage.contacts.used).toBeGreaterThan(0);
		expect(r.json.usage.api_calls_today.used).toBeGreaterThan(0);
		expect((await fn('no-such-function', {})).status).toBe(404);
	});
});

describe('faults, log and control endpoints', () => {
	it('applies status, reset, truncate and stall faults, then recovers', async () => {
		s.faults.add({ kind: 'status', status: 503, pathIncludes: '/rest/v1/orders', retryAfter: 2 });
		const down = await rest('GET', 'orders?limit=1');
		expect(down.status).toBe(503);
		expect(down.headers.get('retry-after')).toBe('2');
		expect(down.json).toMatchObject({ code: 'PGRST000', details: null, hint: null });

		s.faults.add({ kind: 'reset', pathIncludes: '/rest/v1/orders' });
		await expect(rest('GET', 'orders?limit=1')).rejects.toThrow();

		s.faults.add({ kind: 'truncate', pathIncludes: '/rest/v1/orders' });
		const cut = await rest('GET', 'orders?limit=3');
		expect(cut.status).toBe(200);
		expect(cut.json).toBeUndefined();

		s.faults.add({ kind: 'stall', stallMs: 300, pathIncludes: '/functions/v1/agent-usage' });
		await expect(fn('agent-usage', undefined, { method: 'GET' })).rejects.toThrow();

		const ok = await rest('GET', 'orders?limit=1');
		expect(ok.status).toBe(200);
		expect(ok.json).toHaveLength(1);
	});

	it('records requests and serves control endpoints without faults or auth', async () => {
		s.requests.clear();
		await rest('GET', `orders?order_status=eq.pending&select=id`);
		const [entry] = s.requests.find('/rest/v1/orders', 'GET');
		expect(entry).toMatchObject({ status: 200, rawQuery: 'order_status=eq.pending&select=id', query: { order_status: 'eq.pending', select: 'id' } });
		expect(entry.headers.apikey).toBe(s.anonKey);

		const added = await call('POST', `${s.controlUrl}/faults`, { body: [{ kind: 'status', status: 500, pathIncludes: '/rest/v1/items' }] });
		expect(added.json.faults).toHaveLength(1);
		expect((await call('GET', `${s.controlUrl}/state`)).status).toBe(200);
		expect((await rest('GET', 'items?limit=1')).status).toBe(500);
		const sql = await call('POST', `${s.controlUrl}/sql`, { body: { sql: 'select count(*)::int as n from public.organizations' } });
		expect(sql.json.rows).toEqual([{ n: 2 }]);
		const seeded = await call('POST', `${s.controlUrl}/seed/orders`, { body: { org: 'a', count: 3, status: 'confirmed' } });
		expect(seeded.json.ids).toHaveLength(3);
		const touched = await call('POST', `${s.controlUrl}/touch/orders`, { body: { ids: seeded.json.ids.slice(0, 1), status: 'cancelled' } });
		expect(touched.json.ids).toEqual(seeded.json.ids.slice(0, 1));
		const state = await call('GET', `${s.controlUrl}/state`);
		expect(state.json.authExchanges).toBe(s.authExchanges());
		expect(s.requests.find('/__control')).toHaveLength(0);
	});

	it('seeds 10,000 orders in one statement, with shared or distinct updated_at', async () => {
		// CPU time, not wall time: PGlite runs in this process, and a busy machine stretches the
		// wall clock without making the insert any slower.
		const cpu = process.cpuUsage();
		const ids = await s.seedOrders({ org: 'a', count: 10_000 });
		const used = process.cpuUsage(cpu);
		expect(ids).toHaveLength(10_000);
		expect((used.user + used.system) / 1000).toBeLessThan(2_000);
		const same = await s.seedOrders({ org: 'a', count: 5, sameUpdatedAt: '2030-01-01T00:00:00.123456Z', status: 'confirmed' });
		const rows = await rest('GET', `orders?select=updated_at,order_status&id=in.(${same.join(',')})`);
		expect(rows.json.every((r: { updated_at: string; order_status: string }) => r.updated_at === '2030-01-01T00:00:00.123456+00:00' && r.order_status === 'confirmed')).toBe(true);
		const touched = await s.touchOrders({ ids: [same[0]] });
		const [row] = await s.query('select updated_at from public.orders where id = $1', [touched[0]]);
		expect(String(row.updated_at)).not.toContain('2030');
	});

	it('reset() restores the seed', async () => {
		await s.reset();
		const [{ n }] = await s.query('select count(*)::int as n from public.orders where organization_id = $1', [s.orgs.a.id]);
		expect(n).toBe(18);
		expect(s.requests.entries).toHaveLength(0);
		expect(s.authExchanges()).toBe(0);
	});
});
