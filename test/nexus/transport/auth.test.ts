/**
 * The agent JWT: the API key is exchanged once (agent-auth) and reused; PostgREST gets the anon
 * key as `apikey` and the JWT as Bearer; an expired JWT (401) leads to exactly one new exchange
 * and one retry; a malformed key fails with the credential's message before anything is sent.
 */
import { apiRequests, header, isAuth, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest({ seed: true });
	await t.sandbox.seedOrders({ org: 'a', count: 450 });
});
afterAll(async () => {
	await t?.close();
});

const listAll = { resource: 'order', operation: 'getAll', returnAll: true, simplify: true };

test('the anon key and the agent JWT reach the sandbox, and one exchange serves many requests', async () => {
	const credential = t.credential({ apiKey: t.sandbox.orgs.a.apiKey });
	const exchangesBefore = t.sandbox.authExchanges();
	const first = await t.run(listAll, { credential });
	expect(first.error).toBeUndefined();
	const second = await t.run(listAll, { credential });
	expect(second.error).toBeUndefined();

	const auth = first.requests.filter(isAuth);
	expect(auth).toHaveLength(1);
	expect(auth[0].body).toEqual({ api_key: t.sandbox.orgs.a.apiKey });
	expect(header(auth[0], 'apikey')).toBe(t.sandbox.anonKey);
	expect(second.requests.filter(isAuth)).toHaveLength(0);
	expect(t.sandbox.authExchanges() - exchangesBefore).toBe(1);

	const pages = [...apiRequests(first.requests), ...apiRequests(second.requests)];
	expect(pages.length).toBeGreaterThanOrEqual(10);
	const tokens = new Set(pages.map((entry) => header(entry, 'authorization')));
	expect(tokens.size).toBe(1);
	const [token] = [...tokens];
	expect(token).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
	expect(token).not.toContain(t.sandbox.orgs.a.apiKey);
	for (const entry of pages) expect(header(entry, 'apikey')).toBe(t.sandbox.anonKey);
	expect(first.items.length).toBe(second.items.length);
	expect(first.items.length).toBeGreaterThan(450);
	// The key never appears in the output.
	expect(JSON.stringify(first.items)).not.toContain(t.sandbox.orgs.a.apiKey);
});

test('after the JWT expires, the key is exchanged again exactly once and the execution still succeeds', async () => {
	const credential = t.credential({ apiKey: t.sandbox.orgs.a.apiKey });
	expect((await t.run(listAll, { credential })).error).toBeUndefined();
	t.sandbox.expireTokens();
	const exchangesBefore = t.sandbox.authExchanges();
	const run = await t.run(listAll, { credential });
	expect(run.error).toBeUndefined();
	expect(t.sandbox.authExchanges() - exchangesBefore).toBe(1);
	const calls = run.requests;
	// The first page answered 401 "JWT expired", then agent-auth, then the same page again.
	expect(calls[0].status).toBe(401);
	expect(isAuth(calls[1])).toBe(true);
	expect(calls[2].rawQuery).toBe(calls[0].rawQuery);
	expect(calls[2].status).toBe(200);
	expect(header(calls[2], 'authorization')).not.toBe(header(calls[0], 'authorization'));
	expect(calls.filter((entry) => entry.status === 401)).toHaveLength(1);
	expect(run.items.length).toBeGreaterThan(450);
});

test('a token past its short lifetime is exchanged again once, and Return All still returns every row once', async () => {
	// 3 s: short enough to expire between two runs, long enough that a busy machine still sends
	// the request that follows a fresh exchange within the token's life.
	t.sandbox.setJwtLifetime(3);
	// Tokens this process already holds for the key are shared by every credential with that key:
	// expire them so this credential has to exchange.
	t.sandbox.expireTokens();
	try {
		const credential = t.credential({ apiKey: t.sandbox.orgs.a.apiKey });
		const exchangesBefore = t.sandbox.authExchanges();
		await t.run({ resource: 'order', operation: 'getAll', returnAll: false, limit: 1 }, { credential });
		await new Promise((resolve) => setTimeout(resolve, 3100));
		const run = await t.run(listAll, { credential });
		expect(run.error).toBeUndefined();
		// Each expiry costs one 401 and exactly one exchange (the token may expire again mid-way).
		const exchanges = run.requests.filter(isAuth).length;
		expect(exchanges).toBeGreaterThanOrEqual(1);
		expect(run.requests.filter((entry) => entry.status === 401)).toHaveLength(exchanges);
		expect(t.sandbox.authExchanges() - exchangesBefore).toBe(1 + exchanges);
		const ids = run.items.map((item) => item.id);
		expect(new Set(ids).size).toBe(ids.length);
		const [{ n }] = await t.sandbox.query('select count(*)::int as n from public.orders where organization_id = $1', [t.sandbox.orgs.a.id]);
		expect(ids.length).toBe(n);
	} finally {
		t.sandbox.setJwtLifetime(3600);
	}
});

test('a malformed key fails with the credential\'s message and nothing is sent, not even to agent-auth', async () => {
	const credential = t.credential({ apiKey: 'ak_live_1234' });
	const run = await t.run(listAll, { credential });
	expect(run.error?.message).toMatch(/^The Nexus agent API key is malformed: expected "nxs_ak_" followed by 48/);
	expect(run.requests).toEqual([]);
});

test('a revoked or unknown key fails with agent-auth\'s answer, is not retried as a network error, and does not leak the key', async () => {
	const unknownKey = `nxs_ak_${'x'.repeat(48)}`;
	const credential = t.credential({ apiKey: unknownKey });
	const run = await t.run(listAll, { credential });
	expect(run.error?.message).toMatch(/agent-auth answered 401/);
	expect(apiRequests(run.requests)).toEqual([]);
	// n8n retries the exchange once after a 401; nothing more (agent-auth allows 10 attempts a minute).
	expect(run.requests.filter(isAuth).length).toBeLessThanOrEqual(2);
	expect(`${run.error?.message} ${run.error?.description}`).not.toContain(unknownKey);
});

test('executions running side by side share one key exchange, also after the JWT expired', async () => {
	const credential = t.credential({ apiKey: t.sandbox.orgs.a.apiKey });
	const listSome = { resource: 'order', operation: 'getAll', returnAll: false, limit: 5 };
	expect((await t.run(listSome, { credential })).error).toBeUndefined();
	t.sandbox.expireTokens();
	const exchangesBefore = t.sandbox.authExchanges();
	const runs = await Promise.all(Array.from({ length: 8 }, async () => await t.run(listSome, { credential })));
	for (const run of runs) {
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(5);
	}
	expect(t.sandbox.authExchanges() - exchangesBefore).toBe(1);
});
