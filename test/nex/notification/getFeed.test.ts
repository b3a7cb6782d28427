import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
	nex.sandbox.seed({ notifications: 70 });
});
afterAll(async () => await nex.close());

test('reads the newest notifications up to the Limit', async () => {
	const run = await nex.runNex({ resource: 'notification', operation: 'getFeed', limit: 5 });
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path, r.rawQuery])).toEqual([['GET', '/api/developers/v1/notifications/feed', 'limit=5']]);
	const newest = nex.sandbox.store.notifications.slice(-5).reverse();
	expect(run.items.map((item) => item.id)).toEqual(newest.map((n) => n.id));
	expect(run.items[0]).toEqual(expect.objectContaining({ type: expect.any(String), sent_at: expect.any(String), content: expect.any(Object) }));
});

test('Return All asks for the maximum Nex answers (50)', async () => {
	const run = await nex.runNex({ resource: 'notification', operation: 'getFeed', returnAll: true });
	expect(run.requests[0].query).toEqual({ limit: '50' });
	expect(run.items).toHaveLength(50);
});

test('Since reads only what was sent after it', async () => {
	const all = nex.sandbox.store.notifications;
	const boundary = all[all.length - 4];
	const since = new Date(boundary.sentMs).toISOString();
	const run = await nex.runNex({ resource: 'notification', operation: 'getFeed', limit: 50, filters: { since } });
	expect(run.requests[0].query).toEqual({ limit: '50', since });
	expect(run.items.map((item) => item.id)).toEqual(all.slice(-3).reverse().map((n) => n.id));
});

test.each([
	[{ limit: 51 }, 'Limit must be a whole number between 1 and 50'],
	[{ limit: 5, filters: { since: 'last week' } }, 'Since "last week" is not a valid date'],
])('invalid input %j is rejected before sending', async (parameters, message) => {
	const run = await nex.runNex({ resource: 'notification', operation: 'getFeed', ...parameters });
	expect(run.error?.message).toContain(message);
	expect(run.requests).toHaveLength(0);
});

test('a key without notification.read gets a 403 that names the scope', async () => {
	const run = await nex.runNex({ resource: 'notification', operation: 'getFeed', limit: 5 }, { key: 'insightOnly' });
	expect(run.error?.description).toContain('notification.read');
});
