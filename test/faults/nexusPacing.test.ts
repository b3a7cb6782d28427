import { apiRequests, startNexusTest, type NexusTest } from '../nexus/helpers';
import { expectEachOnce, REQUEST_OPTIONS } from './matrix';

/**
 * Nexus under its rate limit: the sandbox enforces a scaled window (10 requests a second per
 * user and organization, the documented 100 a minute made short) and the node paces to the same
 * window. An Order → Get Many (Return All) of 4,500 orders needs 46 requests, more than four
 * windows: it waits its turn instead of collecting 429s (the sandbox counts what it answered),
 * every order once, no exact count asked for more than once.
 */

const LIMIT = { requestsPerMinute: 10, requestWindowMs: 1000 };
const ORDERS = '/rest/v1/orders';

let t: NexusTest;
let orderIds: string[];

beforeAll(async () => {
	t = await startNexusTest(LIMIT);
	await t.sandbox.seedOrders({ org: 'a', count: 4500 });
	orderIds = (await t.sandbox.query('select id::text from public.orders where organization_id = $1', [t.sandbox.orgs.a.id])).map((row) => row.id as string);
});
afterAll(async () => await t.close());

test('Order → Get Many (Return All) needing more requests than four windows allow → at most one 429 received, every order once, count=exact at most once', async () => {
	expect(orderIds.length).toBeGreaterThanOrEqual(4500);
	const result = await t.run({ resource: 'order', operation: 'getAll', returnAll: true, requestOptions: REQUEST_OPTIONS });
	expect(result.error).toBeUndefined();
	expectEachOnce(
		result.items.map((item) => String(item.id)),
		orderIds,
	);
	const requests = apiRequests(result.requests);
	const pages = requests.filter((request) => request.path === ORDERS);
	expect(pages.filter((page) => page.status === 200).length).toBeGreaterThan(4 * LIMIT.requestsPerMinute);
	expect(requests.filter((request) => request.status === 429).length).toBeLessThanOrEqual(1);
	const prefer = (request: (typeof requests)[number]) => String(request.headers.prefer ?? '');
	expect(pages.filter((page) => /count=exact/.test(prefer(page))).length).toBeLessThanOrEqual(1);
});

test('a second Return All right after the first waits for the window the first used → again at most one 429', async () => {
	const result = await t.run({ resource: 'order', operation: 'getAll', returnAll: true, requestOptions: REQUEST_OPTIONS });
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(orderIds.length);
	expect(apiRequests(result.requests).filter((request) => request.status === 429).length).toBeLessThanOrEqual(1);
});
