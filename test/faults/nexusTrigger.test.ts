import type { IDataObject } from 'n8n-workflow';

import { FAKE_NEXUS_KEY } from '../harness/secretScan';
import type { FaultSpec } from '../sandbox/shared/faults';
import type { LoggedRequest } from '../sandbox/shared/requestLog';
import { header, isAuth } from '../nexus/helpers';
import { countById, snapshot, startTriggerTest, type TriggerTest } from '../nexusTrigger/helpers';
import { changeBeforeScanRequest } from '../nexusTrigger/midScan';
import { MatrixSecrets, REQUEST_OPTIONS, REQUEST_TIMEOUT_MS, TIMER_SLACK_MS, whenEnded } from './matrix';

/**
 * Fault matrix, Nexus Trigger (a poller with a keyset cursor): 110 new orders (two pages of 100)
 * and the poll's second page meets each fault. A fault the transport heals (429, 502, 503, a cut
 * connection) is retried inside the poll, which then emits every order exactly once; a fault it
 * does not heal (500, a 429 outlasting the retries) fails the poll clearly, leaves the cursor
 * where it was, and the next poll emits every order exactly once. An expired agent JWT is
 * exchanged again once. Every poll uses a fake agent key; the file ends with the secrets scan.
 */

let t: TriggerTest;
const secrets = new MatrixSecrets();
const CREDENTIAL_ID = 'nexus-fake-key';
const ORDERS = '/rest/v1/orders';
const NEW_ORDERS = 110;

beforeAll(async () => {
	secrets.recordNexusJwts();
	t = await startTriggerTest({ requestsPerMinute: 0, authAttemptsPerMinute: 0 });
	await secrets.useFakeNexusKey(t.sandbox);
	t.engine.addCredential({
		id: CREDENTIAL_ID,
		name: `Nexus ${CREDENTIAL_ID}`,
		type: 'nexusApi',
		data: { apiKey: FAKE_NEXUS_KEY, anonApiKey: t.sandbox.anonKey, baseUrl: t.sandbox.baseUrl },
	});
	secrets.start();
}, 60_000);
afterAll(async () => {
	secrets.stop();
	await t?.close();
});
afterEach(() => t.sandbox.faults.clear());

interface PollFault {
	name: string;
	spec: Omit<FaultSpec, 'pathIncludes' | 'method' | 'skip'>;
	outcome: 'retried in the poll' | 'poll fails';
	waitMs?: number;
	/** Requests for page 2 the failing poll makes. */
	attempts?: number;
	error?: RegExp;
}

const POLL_FAULTS: PollFault[] = [
	{ name: '429 with Retry-After: 1', spec: { kind: 'status', status: 429, retryAfter: 1 }, outcome: 'retried in the poll', waitMs: 1000 },
	{ name: '429 without Retry-After', spec: { kind: 'status', status: 429 }, outcome: 'retried in the poll' },
	{
		name: '429 on every attempt (Retry-After: 0)',
		spec: { kind: 'status', status: 429, retryAfter: 0, count: 4 },
		outcome: 'poll fails',
		attempts: 4,
		error: /Nexus is rate limiting this organization/,
	},
	{ name: '500', spec: { kind: 'status', status: 500 }, outcome: 'poll fails', attempts: 1, error: /Nexus had a server error/ },
	{ name: '502', spec: { kind: 'status', status: 502 }, outcome: 'retried in the poll' },
	{ name: '503', spec: { kind: 'status', status: 503 }, outcome: 'retried in the poll' },
	{ name: 'connection reset mid-body', spec: { kind: 'reset' }, outcome: 'retried in the poll' },
	{ name: 'truncated JSON', spec: { kind: 'truncate' }, outcome: 'retried in the poll' },
	{ name: `stall longer than the ${REQUEST_TIMEOUT_MS} ms timeout`, spec: { kind: 'stall', stallMs: 5000 }, outcome: 'retried in the poll', waitMs: REQUEST_TIMEOUT_MS },
];

const ordersPages = (requests: LoggedRequest[]) => t.ordersRequests(requests);

async function activate(): Promise<{ node: ReturnType<TriggerTest['node']>; staticData: IDataObject }> {
	// Request Options as in the other matrix files: a short timeout for the stall, retries as shipped.
	const node = t.node({ events: ['orderCreated'], requestOptions: REQUEST_OPTIONS }, CREDENTIAL_ID);
	const staticData: IDataObject = {};
	const baseline = await t.poll(node, staticData);
	expect(baseline.empty).toBe(true);
	return { node, staticData };
}

function expectEachOrderOnce(items: IDataObject[], ids: string[]): void {
	const counts = countById(items);
	expect(items).toHaveLength(ids.length);
	expect([...counts.keys()].sort()).toEqual([...ids].sort());
	expect([...counts.values()].every((count) => count === 1)).toBe(true);
}

test.each(POLL_FAULTS.map((fault) => [fault.name, fault.outcome === 'poll fails' ? 'the poll fails clearly, the cursor stays, the next poll emits every order once' : 'retried within the poll, every order once', fault] as const))(
	'Nexus Trigger × %s on page 2 → %s',
	async (name, _outcome, fault) => {
		const { node, staticData } = await activate();
		const ids = await t.sandbox.seedOrders({ org: 'a', count: NEW_ORDERS });
		t.sandbox.faults.add({ ...fault.spec, method: 'GET', pathIncludes: ORDERS, skip: 1 });
		const cell = `Nexus Trigger × ${name}`;

		if (fault.outcome === 'retried in the poll') {
			const poll = await t.poll(node, staticData);
			secrets.scan.collectItems(cell, poll.items);
			expectEachOrderOnce(poll.items, ids);
			const pages = ordersPages(poll.requests);
			expect(pages).toHaveLength(3);
			expect(pages[1].fault).toBe(fault.spec.kind);
			expect(pages[2].rawQuery).toBe(pages[1].rawQuery);
			if (fault.waitMs) expect(pages[2].at - pages[1].at).toBeGreaterThanOrEqual(fault.waitMs - TIMER_SLACK_MS);
			// A stalled answer is given up on at the timeout, long before the server would end it.
			if (fault.spec.kind === 'stall') expect(pages[2].at - pages[1].at).toBeLessThan(fault.spec.stallMs ?? Infinity);
		} else {
			const before = snapshot(staticData);
			const failed = await t.failingPoll(node, staticData);
			secrets.scan.collectError(cell, failed.error);
			expect(failed.error.message).toMatch(fault.error ?? /./);
			expect((failed.error as Error & { description?: string }).description).toEqual(expect.any(String));
			expect(failed.error.httpCode).toBe(String(fault.spec.status));
			const pages = ordersPages(failed.requests);
			expect(pages).toHaveLength(1 + (fault.attempts ?? 1));
			// The cursor did not move: nothing of the failed poll was saved.
			expect(staticData).toEqual(before);

			const next = await t.poll(node, staticData);
			secrets.scan.collectItems(`${cell} (next poll)`, next.items);
			expectEachOrderOnce(next.items, ids);
			expect(ordersPages(next.requests)[0].rawQuery).toBe(pages[0].rawQuery);
		}
		// And nothing is emitted twice afterwards.
		const after = await t.poll(node, staticData);
		expect(after.empty).toBe(true);
	},
);

test('Nexus Trigger × expired JWT → the key exchanged again once, every order once', async () => {
	const { node, staticData } = await activate();
	const ids = await t.sandbox.seedOrders({ org: 'a', count: NEW_ORDERS });
	t.sandbox.expireTokens();
	const exchangesBefore = t.sandbox.authExchanges();
	const poll = await t.poll(node, staticData);
	secrets.scan.collectItems('Nexus Trigger × expired JWT', poll.items);
	expectEachOrderOnce(poll.items, ids);
	expect(t.sandbox.authExchanges() - exchangesBefore).toBe(1);
	const [expired, exchange, again] = poll.requests;
	expect(expired.status).toBe(401);
	expect(isAuth(exchange)).toBe(true);
	expect(again.rawQuery).toBe(expired.rawQuery);
	expect(header(again, 'authorization')).not.toBe(header(expired, 'authorization'));
	expect(poll.requests.filter((request) => request.status === 401)).toHaveLength(1);
});

const KEY_EXCHANGE_FAULTS: Array<{ name: string; spec: Omit<FaultSpec, 'pathIncludes' | 'method' | 'skip'> }> = [
	{ name: `stalled longer than the ${REQUEST_TIMEOUT_MS} ms timeout`, spec: { kind: 'stall', stallMs: 5000 } },
	{ name: 'cut off (truncated JSON)', spec: { kind: 'truncate' } },
];

test.each(KEY_EXCHANGE_FAULTS.map((fault) => [fault.name, fault] as const))(
	'Nexus Trigger × expired JWT, then the key exchange %s → exchanged again within the poll, every order once',
	async (name, fault) => {
		const { node, staticData } = await activate();
		const ids = await t.sandbox.seedOrders({ org: 'a', count: NEW_ORDERS });
		t.sandbox.expireTokens();
		t.sandbox.faults.add({ ...fault.spec, method: 'POST', pathIncludes: '/functions/v1/agent-auth' });
		const poll = await t.poll(node, staticData);
		secrets.scan.collectItems(`Nexus Trigger × key exchange ${name}`, poll.items);
		expectEachOrderOnce(poll.items, ids);
		const exchanges = await whenEnded(poll.requests.filter(isAuth));
		expect(exchanges.map((request) => request.fault ?? request.status)).toEqual([fault.spec.kind, 200]);
		// The poll's Request Options timeout reached the exchange: the client gave up on the stall.
		if (fault.spec.kind === 'stall') expect(exchanges[0].abandoned).toBe(true);
	},
);

test('Nexus Trigger × an order confirmed between pages 1 and 2 → created once and its change once, from the status read on page 1; after a failed poll, from the saved state', async () => {
	const node = t.node({ events: ['orderCreated', 'orderStatusChanged'], requestOptions: REQUEST_OPTIONS }, CREDENTIAL_ID);
	const staticData: IDataObject = {};
	expect((await t.poll(node, staticData)).empty).toBe(true);
	const cell = 'Nexus Trigger × mid-scan change';
	const statusChanges = (items: IDataObject[]) =>
		items.filter((item) => item.event === 'orderStatusChanged').map((item) => [(item.order as IDataObject).id, item.previousStatus, item.newStatus]);

	// Read on page 1 as pending, confirmed before page 2, read again at the end of page 2.
	const ids = await t.sandbox.seedOrders({ org: 'a', count: NEW_ORDERS, status: 'pending' });
	const change = changeBeforeScanRequest(t.sandbox, ORDERS, 1, async () => await t.sandbox.touchOrders({ ids: [ids[10]], status: 'confirmed' }));
	const poll = await t.poll(node, staticData);
	await change.landed();
	secrets.scan.collectItems(cell, poll.items);
	expect(statusChanges(poll.items)).toEqual([[ids[10], 'pending', 'confirmed']]);
	expectEachOrderOnce(poll.items.filter((item) => item.event === 'orderCreated'), ids);
	expect(ordersPages(poll.requests)).toHaveLength(2);

	// The same, but page 2 fails: the poll emits nothing, and what it read is forgotten with it.
	// The next poll reads the order once, already confirmed: a new order whose first status it
	// never saw (previous status unknown).
	const more = await t.sandbox.seedOrders({ org: 'a', count: NEW_ORDERS, status: 'pending' });
	const again = changeBeforeScanRequest(t.sandbox, ORDERS, 1, async () => await t.sandbox.touchOrders({ ids: [more[10]], status: 'confirmed' }));
	t.sandbox.faults.add({ kind: 'status', status: 500, method: 'GET', pathIncludes: ORDERS, skip: 1 });
	const before = snapshot(staticData);
	const failed = await t.failingPoll(node, staticData);
	await again.landed();
	secrets.scan.collectError(`${cell} (failed poll)`, failed.error);
	expect(staticData).toEqual(before);
	const next = await t.poll(node, staticData);
	secrets.scan.collectItems(`${cell} (next poll)`, next.items);
	expect(statusChanges(next.items)).toEqual([[more[10], null, 'confirmed']]);
	expectEachOrderOnce(next.items.filter((item) => item.event === 'orderCreated'), more);
	expect((await t.poll(node, staticData)).empty).toBe(true);
});

test('secrets: no agent key, anon key or JWT in any output, error or log line of the cells above', () => {
	const carried = new Set(
		t.sandbox.requests.entries.map((request) => header(request, 'authorization')?.replace(/^Bearer /, '')).filter(Boolean),
	);
	expect(carried.size).toBeGreaterThan(1);
	for (const token of carried) expect(secrets.scan.mask(String(token))).toBe('«a Nexus agent JWT»');
	// Polls run here outside a workflow execution, which is what logs: no log lines are expected.
	// The fault cells, then the mid-scan cell's two emitting polls (each order plus one status change).
	secrets.expectNoSecrets({ outputs: 9 * NEW_ORDERS + 2 * (NEW_ORDERS + 1), errors: 3, debugLines: 0 });
});
