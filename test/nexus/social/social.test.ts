/**
 * Social Post and Social Account: thin operations over the MCP social tools, through the same
 * client as Run Tool (rows of the sandbox's social tables, Return All across pages, an id
 * checked before sending, the admin-only delete).
 */
import { apiRequests, expectInputError, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest({ requestsPerMinute: 0 });
}, 60_000);
afterAll(async () => {
	await t?.close();
});

const ORG_A = () => t.sandbox.orgs.a.id;

test('Social Post → Get Many: Limit, then Return All gives every post of the organization once', async () => {
	const all = await t.sandbox.query('select id from public.social_posts where organization_id = $1', [ORG_A()]);
	expect(all.length).toBeGreaterThan(2);
	const some = await t.run({ resource: 'socialPost', operation: 'getAll', limit: 2 });
	expect(some.error).toBeUndefined();
	expect(some.items).toHaveLength(2);
	const every = await t.run({ resource: 'socialPost', operation: 'getAll', returnAll: true });
	expect(every.error).toBeUndefined();
	expect(every.items.map((item) => item.id).sort()).toEqual(all.map((row) => row.id).sort());
});

test('Social Post → Get Many with a status filter', async () => {
	const drafts = await t.sandbox.query(`select id from public.social_posts where organization_id = $1 and status = 'draft'`, [ORG_A()]);
	const result = await t.run({ resource: 'socialPost', operation: 'getAll', returnAll: true, filters: { status: 'draft' } });
	expect(result.error).toBeUndefined();
	expect(result.items.map((item) => item.id).sort()).toEqual(drafts.map((row) => row.id).sort());
});

test('Social Post → Get and Publish a scheduled post', async () => {
	const [draft] = await t.sandbox.query(
		`select p.id from public.social_posts p where p.organization_id = $1 and p.status = 'scheduled' and p.platform = 'facebook' limit 1`,
		[ORG_A()],
	);
	const got = await t.run({ resource: 'socialPost', operation: 'get', postId: draft.id });
	expect(got.error).toBeUndefined();
	expect(got.items[0].id).toBe(draft.id);
	const published = await t.run({ resource: 'socialPost', operation: 'publish', postId: draft.id });
	expect(published.error).toBeUndefined();
	const [row] = await t.sandbox.query('select status from public.social_posts where id = $1', [draft.id]);
	expect(row.status).toBe('published');
});

test('Social Post → Delete needs an admin key: refused with the vendor code, then done with one', async () => {
	const [post] = await t.sandbox.query(`select id from public.social_posts where organization_id = $1 and status = 'draft' limit 1`, [ORG_A()]);
	const refused = await t.run({ resource: 'socialPost', operation: 'delete', postId: post.id });
	expect(refused.error?.message).toMatch(/insufficient_scope/);
	const admin = t.credential({ apiKey: await t.sandbox.createApiKey({ org: 'a', scopes: ['read', 'write', 'admin'] }) });
	const deleted = await t.run({ resource: 'socialPost', operation: 'delete', postId: post.id }, { credential: admin });
	expect(deleted.error).toBeUndefined();
	expect(deleted.items).toEqual([{ deleted: true, post_id: post.id }]);
	expect(await t.sandbox.query('select id from public.social_posts where id = $1', [post.id])).toEqual([]);
});

test('Social Post → a Post ID that is not a UUID is refused before anything is sent', async () => {
	expectInputError(await t.run({ resource: 'socialPost', operation: 'get', postId: '../x' }), /Post ID/);
});

test('Social Post → Sync reads the Instagram feed into the posts', async () => {
	const result = await t.run({ resource: 'socialPost', operation: 'sync' });
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(1);
	expect(apiRequests(result.requests).some((request) => (request.body as { params?: { name?: string } })?.params?.name === 'nexus_sync_social_posts')).toBe(true);
});

test('Social Account → Get Many: the connected accounts', async () => {
	const accounts = await t.sandbox.query('select id from public.social_accounts where organization_id = $1', [ORG_A()]);
	const result = await t.run({ resource: 'socialAccount', operation: 'getAll' });
	expect(result.error).toBeUndefined();
	expect(result.items.map((item) => item.id).sort()).toEqual(accounts.map((row) => row.id).sort());
});

test('Social Post → Create a scheduled post, then Update its content and unschedule it', async () => {
	const created = await t.run({
		resource: 'socialPost',
		operation: 'create',
		platform: 'facebook',
		content: 'Weekend offer',
		additionalFields: { scheduledAt: '2030-05-01T09:00:00Z', mediaUrls: 'https://example.com/a.jpg, https://example.com/b.jpg' },
	});
	expect(created.error).toBeUndefined();
	const id = String(created.items[0].id);
	const [row] = await t.sandbox.query('select status, content, scheduled_at from public.social_posts where id = $1', [id]);
	expect(row.status).toBe('scheduled');
	expect(new Date(row.scheduled_at).toISOString()).toBe('2030-05-01T09:00:00.000Z');
	const media = await t.sandbox.query('select media_url from public.social_post_media where post_id = $1 order by position', [id]);
	expect(media.map((entry) => entry.media_url)).toEqual(['https://example.com/a.jpg', 'https://example.com/b.jpg']);
	const updated = await t.run({ resource: 'socialPost', operation: 'update', postId: id, updateFields: { content: 'Weekend offer, extended', unschedule: true } });
	expect(updated.error).toBeUndefined();
	const [after] = await t.sandbox.query('select status, content, scheduled_at from public.social_posts where id = $1', [id]);
	expect(after).toEqual({ status: 'draft', content: 'Weekend offer, extended', scheduled_at: null });
});

test('Social Post → Update with nothing to change is refused before anything is sent', async () => {
	const [post] = await t.sandbox.query('select id from public.social_posts where organization_id = $1 limit 1', [ORG_A()]);
	expectInputError(await t.run({ resource: 'socialPost', operation: 'update', postId: post.id, updateFields: {} }), /Update Fields/);
});
