/**
 * Social Post → Get Analytics and Get Content Calendar, over the MCP tools
 * nexus_get_social_analytics and nexus_get_content_calendar: the sums of the daily metrics the
 * sandbox holds, and the scheduled and published posts under their day.
 */
import { expectInputError, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest({ requestsPerMinute: 0 });
}, 60_000);
afterAll(async () => {
	await t?.close();
});

const ORG_A = () => t.sandbox.orgs.a.id;

function day(offsetDays: number): string {
	return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

async function impressions(from: string, to: string, postId?: string): Promise<number> {
	const [row] = await t.sandbox.query(
		`select coalesce(sum(m.impressions), 0)::int as impressions from public.social_post_metrics_daily m join public.social_posts p on p.id = m.post_id
		where p.organization_id = $1 and m.metric_date between $2::date and $3::date and ($4::uuid is null or p.id = $4::uuid)`,
		[ORG_A(), from, to, postId ?? null],
	);
	return Number(row.impressions);
}

test('Social Post → Get Analytics: the sums of the daily metrics of the period, in all and for one post', async () => {
	const from = day(-10);
	const to = day(0);
	const all = await t.run({ resource: 'socialPost', operation: 'getAnalytics', filters: { from: `${from}T00:00:00`, to: `${to}T00:00:00` } });
	expect(all.error).toBeUndefined();
	expect(all.items).toHaveLength(1);
	expect(all.items[0]).toMatchObject({ from, to });
	const total = await impressions(from, to);
	expect(total).toBeGreaterThan(0);
	expect((all.items[0].totals as { impressions: number }).impressions).toBe(total);

	const [post] = await t.sandbox.query(`select id::text from public.social_posts where organization_id = $1 and status = 'published' order by id limit 1`, [ORG_A()]);
	const one = await t.run({ resource: 'socialPost', operation: 'getAnalytics', filters: { from, to, postId: post.id } });
	expect(one.error).toBeUndefined();
	expect((one.items[0].posts as Array<{ post_id: string }>).map((entry) => entry.post_id)).toEqual([post.id]);
	expect((one.items[0].totals as { impressions: number }).impressions).toBe(await impressions(from, to, post.id));
});

test('Social Post → Get Analytics: a From that is no date, or after To, is refused before anything is sent', async () => {
	expectInputError(await t.run({ resource: 'socialPost', operation: 'getAnalytics', filters: { from: 'last month' } }), /^From "last month" is not a valid date/);
	expectInputError(await t.run({ resource: 'socialPost', operation: 'getAnalytics', filters: { from: '2026-03-02', to: '2026-03-01' } }), /^From \(2026-03-02\) is after To \(2026-03-01\)/);
});

test('Social Post → Get Content Calendar: the scheduled post under its day, and a platform filter that leaves it out', async () => {
	const [scheduled] = await t.sandbox.query(
		`select id::text, platform, (scheduled_at at time zone 'UTC')::date::text as day from public.social_posts where organization_id = $1 and status = 'scheduled' order by id limit 1`,
		[ORG_A()],
	);
	const calendar = await t.run({ resource: 'socialPost', operation: 'getContentCalendar' });
	expect(calendar.error).toBeUndefined();
	expect(calendar.items).toHaveLength(1);
	const days = calendar.items[0].days as Array<{ date: string; posts: Array<{ id: string }> }>;
	expect(days.find((entry) => entry.posts.some((post) => post.id === scheduled.id))?.date).toBe(scheduled.day);

	const other = scheduled.platform === 'facebook' ? 'instagram' : 'facebook';
	const filtered = await t.run({ resource: 'socialPost', operation: 'getContentCalendar', filters: { platform: other } });
	expect(filtered.error).toBeUndefined();
	const posts = (filtered.items[0].days as Array<{ posts: Array<{ id: string; platform: string }> }>).flatMap((entry) => entry.posts);
	expect(posts.length).toBeGreaterThan(0);
	expect(posts.every((post) => post.platform === other)).toBe(true);
});

test('Social Post → Get Content Calendar: a To that is no date and time is refused before anything is sent', async () => {
	expectInputError(await t.run({ resource: 'socialPost', operation: 'getContentCalendar', filters: { to: 'soon' } }), /^To "soon" is not a valid date and time/);
});
