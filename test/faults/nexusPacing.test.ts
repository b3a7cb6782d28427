import { apiRequests, startNexusTest, type NexusTest } from '../nexus/helpers';
import { expectEachOnce, REQUEST_OPTIONS } from './matrix';

/**
 * Nexus under its rate limit: the sandbox enforces a scaled window (4 requests every 2 s per
 * user and organization, the documented 100 a minute made short) and the node paces to the same
 * window. An Order → Get Many (Return All) of 2,000 orders needs 21 requests, more than five
 * windows: it waits its turn instead of collecting 429s (the sandbox counts what it answered),
 * every order once, no exact count asked for more than once.
 */

const LIMIT = { requestsPerMinute: 4, requestWindowMs: 2000 };
const ORDERS = '/rest/v1/orders';

let t: NexusTest;
let orderIds: string[];

beforeAll(async () => {
	t = await startNexusTest(LIMIT);
	await t.sandbox.seedOrders({ org: 'a', count: 2000 });
	orderIds = (await t.sandbox.query('select id::text from public.orders where organization_id = $1', [t.sandbox.orgs.a.id])).map((row) => row.id as string);
});
afterAll(async () => await t.close());

test('Order → Get Many (Return All) needing more requests than five windows allow → at most one 429 received, every order once, count=exact at most once', async () => {
	expect(orderIds.length).toBeGreaterThanOrEqual(2000);
	const result = await t.run({ resource: 'order', operation: 'getAll', returnAll: true, requestOptions: REQUEST_OPTIONS });
	expect(result.error).toBeUndefined();
	expectEachOnce(
		result.items.map((item) => String(item.id)),
		orderIds,
	);
	const requests = apiRequests(result.requests);
	const pages = requests.filter((request) => request.path === ORDERS);
	expect(pages.filter((page) => page.status === 200).length).toBeGreaterThan(5 * LIMIT.requestsPerMinute);
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
