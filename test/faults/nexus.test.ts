import type { IDataObject, INode, INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { FAKE_NEXUS_KEY } from '../harness/secretScan';
import { loadOptions } from '../harness/triggers';
import type { FaultSpec } from '../sandbox/shared/faults';
import type { LoggedRequest } from '../sandbox/shared/requestLog';
import { apiRequests, header, isAuth, NEXUS_NODE_TYPE, startNexusTest, type NexusRun, type NexusTest } from '../nexus/helpers';
import {
	AMBIGUOUS_FAULTS,
	expectEachOnce,
	expectPagesUnder,
	expectStableRowsOnce,
	FAULTS,
	MatrixSecrets,
	outcomeOf,
	PAGING_FAULTS,
	REQUEST_OPTIONS,
	REQUEST_TIMEOUT_MS,
	requestOptionsFor,
	SAFE_WRITE_FAULTS,
	TIMER_SLACK_MS,
	type Fault,
	whenEnded,
} from './matrix';

/**
 * Fault matrix, Nexus node: Order → Get Many with Return All (PostgREST pages of 100 rows asked
 * for by key: after the last row of the page before) and Organization → Get Invites with Return All (the edge function's
 * `?page&per_page`) while page 2 meets each fault, and after the agent JWT expired; Order → Create
 * (not safe to repeat) after an ambiguous failure is sent once; Order → Update (a PATCH by id,
 * safe to repeat) is sent again. Every run uses a fake agent key; the file ends with the secrets
 * scan (the key, the anon key, every JWT the sandbox issued and its signature).
 */

let t: NexusTest;
let credential: { id: string; name: string };
const secrets = new MatrixSecrets();
let orderIds: string[];

beforeAll(async () => {
	secrets.recordNexusJwts();
	t = await startNexusTest({ requestsPerMinute: 0, authAttemptsPerMinute: 0 });
	await secrets.useFakeNexusKey(t.sandbox);
	credential = t.credential({ apiKey: FAKE_NEXUS_KEY });
	await t.sandbox.seedOrders({ org: 'a', count: 130 });
	orderIds = (await t.sandbox.query('select id::text from public.orders where organization_id = $1', [t.sandbox.orgs.a.id])).map(
		(row) => row.id as string,
	);
	secrets.start();
}, 60_000);
afterAll(async () => {
	secrets.stop();
	await t?.close();
});
afterEach(() => t.sandbox.faults.clear());

async function run(cell: string, parameters: INodeParameters): Promise<NexusRun> {
	const result = await t.run(parameters, { credential });
	secrets.scan.collectRun(cell, result.result);
	secrets.scan.collectError(cell, result.error);
	return result;
}

const ORDERS = '/rest/v1/orders';
const TARGET = 'Nexus order Get Many (Return All, keyset pages)';
const listAll = (fault?: Fault): INodeParameters => ({
	resource: 'order',
	operation: 'getAll',
	returnAll: true,
	requestOptions: fault ? requestOptionsFor(fault) : REQUEST_OPTIONS,
});
/** A page is named by its whole query: the keyset condition differs from page to page. */
const pageQueryOf = (request: LoggedRequest) => request.rawQuery;
const ordersPages = (requests: LoggedRequest[]) => apiRequests(requests).filter((request) => request.path === ORDERS);

function expectClearError(result: NexusRun, fault: Fault): void {
	expect(result.error).toBeDefined();
	expect(result.error?.message).toMatch(fault.error ?? /./);
	expect(result.error?.description).toEqual(expect.any(String));
	if (fault.spec.kind === 'status') expect(result.error?.httpCode).toBe(String(fault.spec.status));
}

/**
 * A paging cell: page 2 (`pages[1]`) met the fault; it was asked again and every row came once,
 * or the run failed clearly with no partial output.
 */
function expectPagingCell(fault: Fault, result: NexusRun, pages: LoggedRequest[], key: (request: LoggedRequest) => string, ids: string[]): void {
	expect(pages.length).toBeGreaterThanOrEqual(2);
	expectPagesUnder(fault, pages, key, 1);
	if (fault.read === 'retried') {
		expect(result.error).toBeUndefined();
		expectEachOnce(
			result.items.map((item) => String(item.id)),
			ids,
		);
	} else {
		expectClearError(result, fault);
		expect(result.items).toEqual([]);
	}
}

describe(TARGET, () => {
	test.each(PAGING_FAULTS.map((fault) => [fault.name, outcomeOf(fault), fault] as const))(
		`${TARGET} × %s on page 2 → %s`,
		async (faultName, _outcome, fault) => {
			t.sandbox.faults.add({ ...fault.spec, method: 'GET', pathIncludes: ORDERS, skip: 1 });
			const result = await run(`${TARGET} × ${faultName}`, listAll(fault));
			expectPagingCell(fault, result, ordersPages(result.requests), pageQueryOf, orderIds);
		},
	);

	test(`${TARGET} × expired JWT → the key exchanged again once, the page asked again, every order once`, async () => {
		expect((await run(`${TARGET} (token)`, { resource: 'order', operation: 'getAll', limit: 1 })).error).toBeUndefined();
		t.sandbox.expireTokens();
		const exchangesBefore = t.sandbox.authExchanges();
		const result = await run(`${TARGET} × expired JWT`, listAll());
		expect(result.error).toBeUndefined();
		expect(t.sandbox.authExchanges() - exchangesBefore).toBe(1);
		const [expired, exchange, again] = result.requests;
		expect(expired.status).toBe(401);
		expect(isAuth(exchange)).toBe(true);
		expect(pageQueryOf(again)).toBe(pageQueryOf(expired));
		expect(header(again, 'authorization')).not.toBe(header(expired, 'authorization'));
		expect(result.requests.filter((request) => request.status === 401)).toHaveLength(1);
		expectEachOnce(
			result.items.map((item) => String(item.id)),
			orderIds,
		);
	});

	// The key exchange's own request carries the agent key in its body: its failures are scanned too.
	test(`${TARGET} × expired JWT, then the key exchange reset mid-body → exchanged again, every order once`, async () => {
		expect((await run(`${TARGET} (token)`, { resource: 'order', operation: 'getAll', limit: 1 })).error).toBeUndefined();
		t.sandbox.expireTokens();
		t.sandbox.faults.add({ kind: 'reset', method: 'POST', pathIncludes: '/functions/v1/agent-auth' });
		const result = await run(`${TARGET} × key exchange reset`, listAll());
		expect(result.error).toBeUndefined();
		const exchanges = result.requests.filter(isAuth);
		expect(exchanges.map((request) => request.fault ?? request.status)).toEqual(['reset', 200]);
		expectEachOnce(
			result.items.map((item) => String(item.id)),
			orderIds,
		);
	});

	test(`${TARGET} × expired JWT, then 503 from the key exchange → a clear error naming the exchange`, async () => {
		expect((await run(`${TARGET} (token)`, { resource: 'order', operation: 'getAll', limit: 1 })).error).toBeUndefined();
		t.sandbox.expireTokens();
		t.sandbox.faults.add({ kind: 'status', status: 503, method: 'POST', pathIncludes: '/functions/v1/agent-auth', count: 5 });
		const result = await run(`${TARGET} × key exchange 503`, listAll());
		expect(result.error?.message).toMatch(/agent-auth answered 503: .*try again later/);
		expect(result.error?.description).toEqual(expect.any(String));
		expect(result.items).toEqual([]);
		// Nothing was listed: the first page was refused (401) and never answered.
		expect(ordersPages(result.requests).every((request) => request.status === 401)).toBe(true);
		// Once agent-auth answers again, the next run exchanges the key and works (and later cells start with a valid token).
		t.sandbox.faults.clear();
		expect((await run(`${TARGET} (after the exchange failed)`, { resource: 'order', operation: 'getAll', limit: 1 })).error).toBeUndefined();
	});
});

const AGENT_AUTH = '/functions/v1/agent-auth';
const KEY_EXCHANGE = 'Nexus key exchange (agent-auth, after the JWT expired)';
const listSome = (requestOptions?: { timeout?: number; maxRetries?: number }): INodeParameters => ({
	resource: 'order',
	operation: 'getAll',
	limit: 5,
	...(requestOptions ? { requestOptions } : {}),
});
const authOutcomes = (requests: LoggedRequest[]) => requests.filter(isAuth).map((request) => request.fault ?? request.status);

/** A valid token first, then every token expired and agent-auth meets `faults`: the next request's 401 makes n8n exchange again. */
async function expireThenFault(cell: string, ...faults: Array<Omit<FaultSpec, 'method' | 'pathIncludes'>>): Promise<void> {
	expect((await run(`${cell} (token)`, listSome())).error).toBeUndefined();
	t.sandbox.expireTokens();
	for (const fault of faults) t.sandbox.faults.add({ ...fault, method: 'POST', pathIncludes: AGENT_AUTH });
}

interface ExchangeFault {
	name: string;
	spec: Omit<FaultSpec, 'method' | 'pathIncludes' | 'count'>;
	/** What the error says when the fault outlasts the retries. */
	error: RegExp;
}

const EXCHANGE_FAULTS: ExchangeFault[] = [
	{
		name: `stalled longer than the ${REQUEST_TIMEOUT_MS} ms timeout`,
		spec: FAULTS.stall.spec,
		error: new RegExp(`Nexus did not answer the key exchange within ${REQUEST_TIMEOUT_MS} ms \\(3 attempts\\)`),
	},
	{ name: 'reset mid-body', spec: FAULTS.reset.spec, error: /Nexus closed the connection before the key exchange answer was complete \(3 attempts\)/ },
	{ name: 'cut off (truncated JSON)', spec: FAULTS.truncated.spec, error: /The key exchange answer from Nexus was cut off \(3 attempts\)/ },
];

describe(KEY_EXCHANGE, () => {
	const options = { timeout: REQUEST_TIMEOUT_MS, maxRetries: 2 };

	// Reset once is the cell `× expired JWT, then the key exchange reset mid-body` above.
	test.each(EXCHANGE_FAULTS.filter((fault) => fault.spec.kind !== 'reset').map((fault) => [fault.name, fault] as const))(
		`${KEY_EXCHANGE} × %s once → exchanged again, the run succeeds`,
		async (faultName, fault) => {
			const cell = `${KEY_EXCHANGE} × ${faultName} once`;
			await expireThenFault(cell, { ...fault.spec, count: 1 });
			const result = await run(cell, listSome(options));
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(5);
			expect(authOutcomes(result.requests)).toEqual([fault.spec.kind, 200]);
			// A stalled exchange is given up on by the client at its timeout, not ended by the server.
			if (fault.spec.kind === 'stall') expect((await whenEnded(result.requests.filter(isAuth)))[0].abandoned).toBe(true);
		},
	);

	test.each(EXCHANGE_FAULTS.map((fault) => [fault.name, fault] as const))(
		`${KEY_EXCHANGE} × %s on every attempt (Max Retries 2) → 3 exchanges, then a clear error naming what happened`,
		async (faultName, fault) => {
			const cell = `${KEY_EXCHANGE} × ${faultName} throughout`;
			await expireThenFault(cell, { ...fault.spec, count: 3 });
			const result = await run(cell, listSome(options));
			expect(result.error?.message).toMatch(fault.error);
			expect(result.error?.message).not.toMatch(/without an access token/);
			expect(result.error?.description).toEqual(expect.any(String));
			expect(result.items).toEqual([]);
			const exchanges = await whenEnded(result.requests.filter(isAuth));
			expect(exchanges.map((request) => request.fault)).toEqual([fault.spec.kind, fault.spec.kind, fault.spec.kind]);
			if (fault.spec.kind === 'stall') expect(exchanges.every((request) => request.abandoned)).toBe(true);
			// The run ended at the failed exchange: the refused request was not sent again.
			expect(apiRequests(result.requests).map((request) => request.status)).toEqual([401]);
			expect(t.sandbox.faults.pending()).toEqual([]);
		},
	);

	test(`${KEY_EXCHANGE} × 429 with Retry-After: 1 → exchanged again after ≥ 1 s, the run succeeds`, async () => {
		const cell = `${KEY_EXCHANGE} × 429`;
		await expireThenFault(cell, { kind: 'status', status: 429, retryAfter: 1 });
		const result = await run(cell, listSome(options));
		expect(result.error).toBeUndefined();
		const exchanges = result.requests.filter(isAuth);
		expect(exchanges.map((request) => request.status)).toEqual([429, 200]);
		expect(exchanges[1].at - exchanges[0].at).toBeGreaterThanOrEqual(1000 - TIMER_SLACK_MS);
	});

	test(`${KEY_EXCHANGE} × 429 on every attempt (Retry-After: 0) → a clear error naming the exchange limit`, async () => {
		const cell = `${KEY_EXCHANGE} × 429 throughout`;
		await expireThenFault(cell, { kind: 'status', status: 429, retryAfter: 0, count: 3 });
		const result = await run(cell, listSome(options));
		expect(result.error?.message).toMatch(/Nexus refused the key exchange: too many attempts \(10 per minute per IP\).*\(3 attempts\)/);
		expect(result.requests.filter(isAuth).map((request) => request.status)).toEqual([429, 429, 429]);
	});

	test(`${KEY_EXCHANGE} × answered slower than the Request Options timeout but well within the default → given up on and asked again; without the option, waited for`, async () => {
		const slow = { kind: 'delay' as const, stallMs: 3000 };
		const cell = `${KEY_EXCHANGE} × slow answer`;
		await expireThenFault(cell, slow);
		const short = await run(`${cell}, timeout 800 ms`, listSome({ timeout: 800, maxRetries: 1 }));
		expect(short.error).toBeUndefined();
		const shortExchanges = await whenEnded(short.requests.filter(isAuth));
		expect(shortExchanges.map((request) => request.abandoned ?? false)).toEqual([true, false]);

		await expireThenFault(cell, slow);
		const byDefault = await run(`${cell}, default timeout`, listSome({ maxRetries: 1 }));
		expect(byDefault.error).toBeUndefined();
		const defaultExchanges = await whenEnded(byDefault.requests.filter(isAuth));
		expect(defaultExchanges.map((request) => request.abandoned ?? false)).toEqual([false]);
	});

	test(`${KEY_EXCHANGE} × two executions at once with different timeouts → each waits for its own`, async () => {
		const cell = `${KEY_EXCHANGE} × two executions`;
		await expireThenFault(cell, { kind: 'delay', stallMs: 3000 });
		const [impatient, patient] = await Promise.all([
			run(`${cell} (800 ms)`, listSome({ timeout: 800, maxRetries: 0 })),
			run(`${cell} (10 s)`, listSome({ timeout: 10_000, maxRetries: 0 })),
		]);
		expect(impatient.error?.message).toMatch(/Nexus did not answer the key exchange within 800 ms/);
		expect(impatient.items).toEqual([]);
		expect(patient.error).toBeUndefined();
		expect(patient.items).toHaveLength(5);
	});

	// The credential cannot tell which execution it exchanges for: when the shorter wait runs out,
	// the other execution's refused request (nothing written) is sent again at once, not failed.
	test(`${KEY_EXCHANGE} × two executions at once, the other's wait runs out first → an Order Create (Max Retries 0) sent again at once, one order`, async () => {
		const cell = `${KEY_EXCHANGE} × the other's wait ran out`;
		await expireThenFault(cell, { kind: 'delay', stallMs: 3000 });
		const orderNumber = newOrderNumber();
		const [impatient, creating] = await Promise.all([
			run(`${cell} (800 ms)`, listSome({ timeout: 800, maxRetries: 0 })),
			run(`${cell} (Create, 10 s)`, { ...createOrder(orderNumber), requestOptions: { timeout: 10_000, maxRetries: 0 } }),
		]);
		expect(impatient.error?.message).toMatch(/Nexus did not answer the key exchange within 800 ms/);
		expect(creating.error).toBeUndefined();
		expect(creating.items).toEqual([expect.objectContaining({ order_number: orderNumber })]);
		const posts = orderPosts(creating.requests).map((request) => request.status);
		expect(posts.filter((status) => status !== 401)).toEqual([201]);
		expect(await ordersNumbered(orderNumber)).toBe(1);
	});

	test(`${KEY_EXCHANGE} × 401 (the key refused) → not retried, the vendor's message`, async () => {
		const cell = `${KEY_EXCHANGE} × 401`;
		await expireThenFault(cell, { kind: 'status', status: 401, count: 3 });
		const result = await run(cell, listSome(options));
		expect(result.error?.message).toMatch(/agent-auth answered 401/);
		expect(result.requests.filter(isAuth)).toHaveLength(1);
		t.sandbox.faults.clear();
	});

	test(`${KEY_EXCHANGE} × cut off once, for a dropdown (load options) → exchanged again, the options listed`, async () => {
		const cell = `${KEY_EXCHANGE} × cut off, load options`;
		await expireThenFault(cell, { kind: 'truncate' });
		const node: INode = {
			id: 'nexus',
			name: 'Nexus',
			type: NEXUS_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { resource: 'order', operation: 'updateStatus', requestOptions: options },
			credentials: { nexusApi: credential },
		};
		const since = t.sandbox.requests.entries.length;
		const warehouses = (await loadOptions(t.engine, node, 'getWarehouses')) as INodePropertyOptions[];
		secrets.scan.collectItems(cell, warehouses as unknown as IDataObject[]);
		expect(warehouses.length).toBeGreaterThan(0);
		expect(authOutcomes(t.sandbox.requests.entries.slice(since))).toEqual(['truncate', 200]);
	});
});

const INVITES = '/functions/v1/agent-invite';
const EDGE_TARGET = 'Nexus organization Get Invites (Return All, edge function ?page)';
const invitePages = (requests: LoggedRequest[]) => apiRequests(requests).filter((request) => request.path === INVITES);
const pageOf = (request: LoggedRequest) => String(request.query.page ?? 'no page');

describe(EDGE_TARGET, () => {
	let inviteIds: string[];
	beforeAll(async () => {
		// 130 invites, a second apart: two pages of the edge function's 100.
		await t.sandbox.query(
			`insert into public.organization_invites (organization_id, email, created_at)
			select $1::uuid, 'fault-' || g || '@example.com', now() - g * interval '1 second' from generate_series(1, 130) g`,
			[t.sandbox.orgs.a.id],
		);
		inviteIds = (await t.sandbox.query('select id::text from public.organization_invites where organization_id = $1', [t.sandbox.orgs.a.id])).map(
			(row) => row.id as string,
		);
		expect(inviteIds.length).toBeGreaterThan(100);
	});

	test.each(PAGING_FAULTS.map((fault) => [fault.name, outcomeOf(fault), fault] as const))(
		`${EDGE_TARGET} × %s on page 2 → %s`,
		async (faultName, _outcome, fault) => {
			t.sandbox.faults.add({ ...fault.spec, method: 'POST', pathIncludes: INVITES, skip: 1 });
			const result = await run(`${EDGE_TARGET} × ${faultName}`, {
				resource: 'organization',
				operation: 'getInvites',
				returnAll: true,
				requestOptions: requestOptionsFor(fault),
			});
			expectPagingCell(fault, result, invitePages(result.requests), pageOf, inviteIds);
		},
	);

	// Numbered pages cannot be keyed: five invites sent after page 1 shift page 2 by five. Each
	// invite must still come once (the listing keeps each id once; the shift repeats, never skips).
	test(`${EDGE_TARGET} × 5 invites sent between page 1 and page 2 → no invite repeated, every invite present before and after once`, async () => {
		const inviteIdsNow = async () =>
			(await t.sandbox.query('select id::text from public.organization_invites where organization_id = $1', [t.sandbox.orgs.a.id])).map((row) => row.id as string);
		const before = await inviteIdsNow();
		t.sandbox.mutations.add({
			method: 'POST',
			pathIncludes: INVITES,
			sql: `insert into public.organization_invites (organization_id, email) select $1::uuid, 'mid-' || g || '-' || gen_random_uuid() || '@example.com' from generate_series(1, 5) g`,
			params: [t.sandbox.orgs.a.id],
		});
		const result = await run(`${EDGE_TARGET} × invites sent mid-listing`, { resource: 'organization', operation: 'getInvites', returnAll: true, requestOptions: REQUEST_OPTIONS });
		expect(result.error).toBeUndefined();
		expect(invitePages(result.requests).length).toBeGreaterThanOrEqual(2);
		const after = await inviteIdsNow();
		expect(after.length).toBe(before.length + 5);
		expectStableRowsOnce(
			result.items.map((item) => String(item.id)),
			before,
			after,
		);
		inviteIds = after;
	});
});

let orderCount = 0;
const newOrderNumber = () => `FAULT-${++orderCount}-${Date.now()}`;
async function ordersNumbered(orderNumber: string): Promise<number> {
	const [{ n }] = await t.sandbox.query('select count(*)::int as n from public.orders where order_number = $1', [orderNumber]);
	return n as number;
}
const createOrder = (orderNumber: string, fault?: Fault): INodeParameters => ({
	resource: 'order',
	operation: 'create',
	additionalFields: { order_number: orderNumber, currency: 'EGP', total_amount: 120 },
	requestOptions: fault ? requestOptionsFor(fault) : REQUEST_OPTIONS,
});
const orderPosts = (requests: LoggedRequest[]) => requests.filter((request) => request.method === 'POST' && request.path === ORDERS);

describe('Nexus order Create (POST, not safe to repeat)', () => {
	test.each(AMBIGUOUS_FAULTS.map((fault) => [fault.name, fault] as const))(
		'Nexus order Create × %s → a clear error, the write sent exactly once',
		async (faultName, fault) => {
			const orderNumber = newOrderNumber();
			t.sandbox.faults.add({ ...fault.spec, count: 1, method: 'POST', pathIncludes: ORDERS });
			const result = await run(`Nexus order Create × ${faultName}`, createOrder(orderNumber, fault));
			expect(orderPosts(result.requests)).toHaveLength(1);
			expectClearError(result, fault);
			expect(result.items).toEqual([]);
			expect(result.error?.description).toMatch(/not repeated/i);
			// A cut or reset answer came after the server wrote the order; a status or a stall before.
			expect(await ordersNumbered(orderNumber)).toBe(fault.spec.kind === 'reset' || fault.spec.kind === 'truncate' ? 1 : 0);
		},
	);

	test('Nexus order Create × 429 with Retry-After: 1 → sent again after ≥ 1 s (the server did not act), one order', async () => {
		const orderNumber = newOrderNumber();
		t.sandbox.faults.add({ ...FAULTS.rateLimited.spec, method: 'POST', pathIncludes: ORDERS });
		const result = await run('Nexus order Create × 429', createOrder(orderNumber));
		expect(result.error).toBeUndefined();
		const posts = orderPosts(result.requests);
		expect(posts.map((request) => request.status)).toEqual([429, 201]);
		expect(posts[1].at - posts[0].at).toBeGreaterThanOrEqual(1000 - TIMER_SLACK_MS);
		expect(result.items).toEqual([expect.objectContaining({ order_number: orderNumber })]);
		expect(await ordersNumbered(orderNumber)).toBe(1);
	});

	test('Nexus order Create × expired JWT → the key exchanged again once, the refused write sent again, one order', async () => {
		expect((await run('Nexus order Create (token)', { resource: 'order', operation: 'getAll', limit: 1 })).error).toBeUndefined();
		t.sandbox.expireTokens();
		const exchangesBefore = t.sandbox.authExchanges();
		const orderNumber = newOrderNumber();
		const result = await run('Nexus order Create × expired JWT', createOrder(orderNumber));
		expect(result.error).toBeUndefined();
		expect(t.sandbox.authExchanges() - exchangesBefore).toBe(1);
		// PostgREST refused the expired token before writing anything: the one retry is safe.
		expect(orderPosts(result.requests).map((request) => request.status)).toEqual([401, 201]);
		expect(await ordersNumbered(orderNumber)).toBe(1);
	});
});

describe('Nexus order Update (PATCH by id, safe to repeat)', () => {
	test.each(SAFE_WRITE_FAULTS.map((fault) => [fault.name, fault] as const))(
		'Nexus order Update × %s → sent again, the order updated',
		async (faultName, fault) => {
			const [id] = await t.sandbox.seedOrders({ org: 'a', count: 1 });
			orderIds.push(id);
			const note = `fault ${faultName}`;
			t.sandbox.faults.add({ ...fault.spec, count: 1, method: 'PATCH', pathIncludes: ORDERS });
			const result = await run(`Nexus order Update × ${faultName}`, {
				resource: 'order',
				operation: 'update',
				orderId: t.rl('id', id),
				updateFields: { shopify_order_id: note },
				requestOptions: requestOptionsFor(fault),
			});
			expect(result.error).toBeUndefined();
			const patches = result.requests.filter((request) => request.method === 'PATCH');
			expect(patches).toHaveLength(2);
			expect(patches[0].fault).toBe(fault.spec.kind);
			expect(patches[1].bodyText).toBe(patches[0].bodyText);
			expect(result.items).toEqual([expect.objectContaining({ id, shopify_order_id: note })]);
			const [row] = await t.sandbox.query('select shopify_order_id from public.orders where id = $1', [id]);
			expect(row.shopify_order_id).toBe(note);
		},
	);
});

/**
 * Mid-listing changes: rows inserted or deleted between page 1 and page 2 of a Return All (the
 * sandbox runs the change once page 1 was answered, before it is sent). Each listing must give
 * every order that existed before and after it exactly once, none repeated, and ask for an exact
 * count at most once.
 */
interface Listing {
	name: string;
	parameters: INodeParameters;
	/** SQL ORDER BY of the listing as the server sorts it (to find page 1's rows). */
	orderBy: string;
	/** Column values of a row that sorts into page 1's range, and of one that sorts after it. */
	firstPageRow: OrderColumns;
	laterRow: OrderColumns;
}
interface OrderColumns {
	order_status?: string;
	total_amount?: number;
	shopify_order_id?: string | null;
	created_at?: string;
}

const MID_TARGETS: Listing[] = [
	{
		name: 'Nexus order Get Many (default sort: newest first)',
		parameters: { resource: 'order', operation: 'getAll', returnAll: true },
		orderBy: 'created_at desc, id',
		// Newest: the sandbox clock's next instant (left unset here).
		firstPageRow: {},
		laterRow: { created_at: '2001-01-01T00:00:00.000001+00:00' },
	},
	{
		name: 'Nexus table Get Many (orders, sorted by order_status: ties)',
		parameters: { resource: 'table', operation: 'getAll', table: 'orders', returnAll: true, options: { sort: { fields: [{ column: 'order_status', direction: 'asc' }] } } },
		orderBy: 'order_status, id',
		firstPageRow: { order_status: 'cancelled' },
		laterRow: { order_status: 'shipped' },
	},
	{
		name: 'Nexus table Get Many (orders, sorted by shopify_order_id: NULLs last)',
		parameters: { resource: 'table', operation: 'getAll', table: 'orders', returnAll: true, options: { sort: { fields: [{ column: 'shopify_order_id', direction: 'asc' }] } } },
		orderBy: 'shopify_order_id nulls last, id',
		firstPageRow: { shopify_order_id: 'MID 0, (a.b):*' },
		laterRow: { shopify_order_id: null },
	},
	{
		name: 'Nexus table Get Many (orders, order_status descending then total_amount ascending)',
		parameters: {
			resource: 'table',
			operation: 'getAll',
			table: 'orders',
			returnAll: true,
			options: { sort: { fields: [{ column: 'order_status', direction: 'desc' }, { column: 'total_amount', direction: 'asc' }] } },
		},
		orderBy: 'order_status desc, total_amount, id',
		firstPageRow: { order_status: 'shipped', total_amount: 0.01 },
		laterRow: { order_status: 'cancelled', total_amount: 99999.99 },
	},
];

type Change = 'inserted into page 1\'s range' | 'inserted after page 1' | 'deleted from page 1';
const CHANGES: Change[] = ["inserted into page 1's range", 'inserted after page 1', 'deleted from page 1'];
const CHANGED_ROWS = 5;

async function orgOrderIds(): Promise<string[]> {
	return (await t.sandbox.query('select id::text from public.orders where organization_id = $1', [t.sandbox.orgs.a.id])).map((row) => row.id as string);
}

async function insertOrders(columns: OrderColumns): Promise<void> {
	if (columns.created_at === undefined && columns.order_status === undefined && !('shopify_order_id' in columns)) {
		await t.sandbox.seedOrders({ org: 'a', count: CHANGED_ROWS });
		return;
	}
	await t.sandbox.query(
		`insert into public.orders (organization_id, order_number, order_status, total_amount, currency, shopify_order_id, created_at)
		select $1::uuid, 'MID-' || gen_random_uuid(), coalesce($2::text, 'pending'), coalesce($3::numeric, 10), 'EGP', $4::text,
			coalesce($5::timestamptz, now())
		from generate_series(1, $6::int)`,
		[t.sandbox.orgs.a.id, columns.order_status ?? null, columns.total_amount ?? null, columns.shopify_order_id ?? null, columns.created_at ?? null, CHANGED_ROWS],
	);
}

/** Deletes rows the listing's page 1 held (bulk orders: nothing references them). */
async function deleteFromFirstPage(orderBy: string): Promise<void> {
	await t.sandbox.query(
		`delete from public.orders where id in (
			select id from (select id, order_number from public.orders where organization_id = $1 order by ${orderBy} limit 100) page
			where order_number like 'BULK-%' limit $2)`,
		[t.sandbox.orgs.a.id, CHANGED_ROWS],
	);
}

describe('Nexus listings × rows changed between page 1 and page 2', () => {
	beforeAll(async () => {
		// Ties and NULLs for the sorts: a third of the bulk orders carry one of 4 Shopify ids, the rest none.
		await t.sandbox.query(
			`update public.orders set shopify_order_id = case when (substr(order_number, 6)::int % 3) = 0 then 'SH-' || (substr(order_number, 6)::int % 4) end
			where organization_id = $1 and order_number like 'BULK-%'`,
			[t.sandbox.orgs.a.id],
		);
	});

	const cells = MID_TARGETS.flatMap((target) => CHANGES.map((change) => [target.name, change, target] as const));
	test.each(cells)(`%s × ${CHANGED_ROWS} rows %s → every order present before and after exactly once, none repeated, count asked at most once`, async (name, change, target) => {
		const before = await orgOrderIds();
		expect(before.length).toBeGreaterThan(100);
		const appliedBefore = t.sandbox.mutations.applied;
		t.sandbox.mutations.add({
			method: 'GET',
			pathIncludes: ORDERS,
			run: async () => {
				if (change === 'deleted from page 1') await deleteFromFirstPage(target.orderBy);
				else await insertOrders(change === 'inserted after page 1' ? target.laterRow : target.firstPageRow);
			},
		});
		const result = await run(`${name} × ${change}`, { ...target.parameters, requestOptions: REQUEST_OPTIONS });
		const after = await orgOrderIds();
		expect(result.error).toBeUndefined();
		expect(t.sandbox.mutations.applied).toBe(appliedBefore + 1);
		const pages = ordersPages(result.requests);
		expect(pages.length).toBeGreaterThanOrEqual(2);
		expect(after.length).toBe(before.length + (change === 'deleted from page 1' ? -CHANGED_ROWS : CHANGED_ROWS));
		expectStableRowsOnce(
			result.items.map((item) => String(item.id)),
			before,
			after,
		);
		// On a real PostgREST an exact count scans every matching row: once per listing at most.
		expect(pages.filter((page) => /count=exact/.test(header(page, 'prefer') ?? '')).length).toBeLessThanOrEqual(1);
	});
});

const MCP = '/functions/v1/mcp-server';
const MCP_READ = 'nexus_list_contacts';
const MCP_WRITE = 'nexus_create_contact';

interface McpFault {
	name: string;
	spec: Omit<FaultSpec, 'method' | 'pathIncludes' | 'skip'>;
	/** How the server answers: the fault is cut as that answer is (a JSON body or an SSE stream). */
	responseMode: 'json' | 'sse';
	/** The tool ran before the fault hit (its effect applied, only the answer lost). */
	acted: boolean;
	waitMs?: number;
	error: RegExp;
}

const MCP_FAULTS: McpFault[] = [
	{ name: FAULTS.rateLimited.name, spec: FAULTS.rateLimited.spec, responseMode: 'json', acted: false, waitMs: 1000, error: /429/ },
	{ name: FAULTS.badGateway.name, spec: FAULTS.badGateway.spec, responseMode: 'json', acted: false, error: /had a server error/ },
	{ name: 'connection reset mid-answer (JSON)', spec: FAULTS.reset.spec, responseMode: 'json', acted: true, error: /Could not reach/ },
	{ name: 'connection reset mid-stream (SSE)', spec: FAULTS.reset.spec, responseMode: 'sse', acted: true, error: /Could not reach/ },
	{ name: 'SSE stream ended before the JSON-RPC result', spec: { kind: 'drop-stream' }, responseMode: 'sse', acted: true, error: /without the result/ },
	{ name: 'SSE stream cut mid-event', spec: { kind: 'truncate' }, responseMode: 'sse', acted: true, error: /cut off/ },
];

/** The tools/call requests of a run, in order. */
const toolCalls = (requests: LoggedRequest[]) =>
	apiRequests(requests).filter((request) => request.path === MCP && (request.body as { method?: string } | undefined)?.method === 'tools/call');
/** A request's status, or the kind of fault that cut its answer. */
const outcomeOfCall = (request: LoggedRequest) => (request.fault === undefined || request.fault === 'status' ? request.status : request.fault);
const runMcpTool = (cell: string, tool: string, args: IDataObject) =>
	run(cell, { resource: 'agentTool', operation: 'runTool', tool, arguments: JSON.stringify(args), requestOptions: REQUEST_OPTIONS });
let contactCount = 0;
const newContactName = () => `Fault${++contactCount}x${Date.now()}`;

/**
 * Agent Tool → Run Tool: tools/call (after initialize, notifications/initialized and tools/list,
 * skipped) meets each fault. A read-only tool is asked again and gives its one result; a write
 * tool is sent again only when the server certainly did not act (429), and the sandbox counts
 * how many times the write was applied.
 */
describe('Nexus agent tool Run Tool (MCP tools/call)', () => {
	afterEach(() => {
		t.sandbox.mcp.responseMode = 'json';
	});

	test.each(MCP_FAULTS.map((fault) => [fault.name, fault] as const))(
		`Nexus MCP read-only tool (${MCP_READ}) × %s → asked again, exactly one result`,
		async (faultName, fault) => {
			t.sandbox.mcp.responseMode = fault.responseMode;
			t.sandbox.faults.add({ ...fault.spec, method: 'POST', pathIncludes: MCP, skip: 3 });
			const appliedBefore = t.sandbox.mcp.applied(MCP_READ);
			const result = await runMcpTool(`Nexus MCP read × ${faultName}`, MCP_READ, { limit: 2 });
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1);
			expect((result.items[0].data as unknown[]).length).toBe(2);
			const calls = toolCalls(result.requests);
			expect(calls.map(outcomeOfCall)).toEqual([fault.spec.kind === 'status' ? fault.spec.status : fault.spec.kind, 200]);
			if (fault.waitMs) expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(fault.waitMs - TIMER_SLACK_MS);
			expect(t.sandbox.mcp.applied(MCP_READ) - appliedBefore).toBe(fault.acted ? 2 : 1);
		},
	);

	test.each(MCP_FAULTS.map((fault) => [fault.name, fault.acted ? 'a clear error, the write applied once, not repeated' : fault.spec.kind === 'status' && fault.spec.status === 429 ? 'sent again (nothing applied), applied once' : 'a clear error, nothing applied, not repeated', fault] as const))(
		`Nexus MCP write tool (${MCP_WRITE}) × %s → %s`,
		async (faultName, _outcome, fault) => {
			t.sandbox.mcp.responseMode = fault.responseMode;
			t.sandbox.faults.add({ ...fault.spec, method: 'POST', pathIncludes: MCP, skip: 3 });
			const appliedBefore = t.sandbox.mcp.applied(MCP_WRITE);
			const name = newContactName();
			const result = await runMcpTool(`Nexus MCP write × ${faultName}`, MCP_WRITE, { first_name: name });
			const applied = t.sandbox.mcp.applied(MCP_WRITE) - appliedBefore;
			const [{ n }] = await t.sandbox.query('select count(*)::int as n from public.customers where first_name = $1', [name]);
			expect(n).toBe(applied);
			const calls = toolCalls(result.requests);
			if (fault.spec.kind === 'status' && fault.spec.status === 429) {
				expect(result.error).toBeUndefined();
				expect(calls.map((request) => request.status)).toEqual([429, 200]);
				expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(1000 - TIMER_SLACK_MS);
				expect(result.items).toEqual([expect.objectContaining({ first_name: name })]);
				expect(applied).toBe(1);
				return;
			}
			expect(calls).toHaveLength(1);
			expect(applied).toBe(fault.acted ? 1 : 0);
			expect(result.items).toEqual([]);
			expect(result.error?.message).toMatch(fault.error);
			if (fault.spec.kind === 'status') expect(`${result.error?.message} ${result.error?.description}`).toMatch(String(fault.spec.status));
			// The user is told the write was not repeated, and to check whether it took effect.
			expect(result.error?.description).toMatch(/not repeated/i);
			expect(result.error?.description).toMatch(/check in Nexus whether it did/i);
		},
	);

	test.each([
		[MCP_READ, { limit: 2 }],
		[MCP_WRITE, { first_name: 'expired-jwt' }],
	] as const)('Nexus MCP tool %s × expired JWT on tools/call → the key exchanged again once, the refused call sent again once', async (tool, args) => {
		expect((await run('Nexus MCP (token)', { resource: 'order', operation: 'getAll', limit: 1 })).error).toBeUndefined();
		// Once tools/list (the third POST) is answered, every token expires: tools/call meets the 401.
		t.sandbox.mutations.add({ method: 'POST', pathIncludes: MCP, skip: 2, run: async () => t.sandbox.expireTokens() });
		const exchangesBefore = t.sandbox.authExchanges();
		const appliedBefore = t.sandbox.mcp.applied(tool);
		const result = await runMcpTool(`Nexus MCP ${tool} × expired JWT`, tool, args);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(t.sandbox.authExchanges() - exchangesBefore).toBe(1);
		const calls = toolCalls(result.requests);
		expect(calls.map((request) => request.status)).toEqual([401, 200]);
		expect(header(calls[1], 'authorization')).not.toBe(header(calls[0], 'authorization'));
		expect(t.sandbox.mcp.applied(tool) - appliedBefore).toBe(1);
	});
});

test('secrets: no agent key, anon key or JWT in any output, error or log line of the cells above', () => {
	// The JWTs the requests carried were all recorded as issued.
	const carried = new Set(
		t.sandbox.requests.entries.map((request) => header(request, 'authorization')?.replace(/^Bearer /, '')).filter(Boolean),
	);
	expect(carried.size).toBeGreaterThan(1);
	for (const token of carried) expect(secrets.scan.mask(String(token))).toBe('«a Nexus agent JWT»');
	secrets.expectNoSecrets({ outputs: 800, errors: 8 });
});
