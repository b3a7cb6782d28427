/**
 * Social tools over the Meta social schema (social_accounts, social_posts, social_post_media,
 * social_post_metrics_daily). Starter plan or above; Twitter and LinkedIn are accepted by the
 * schemas but not writable, as the vendor says.
 */
import { createHash } from 'node:crypto';
import type { SqlRunner } from '../../db';
import { insertRow, listing, notFound, one, PAGE_PROPS, rows, s, ToolError, type Row, type ToolDef, updateRow, Where } from '../toolkit';

const PLATFORMS = ['twitter', 'linkedin', 'instagram', 'facebook'] as const;
const WRITABLE = ['instagram', 'facebook'];
const STATUSES = ['draft', 'scheduled', 'published', 'failed'];

function requireWritable(platform: unknown): void {
	if (!WRITABLE.includes(String(platform))) {
		throw new ToolError('platform_not_supported', `${String(platform)} is reserved for forward compatibility and not yet writable from MCP (use instagram or facebook)`);
	}
}

async function connectedAccount(q: SqlRunner, platform: string, accountId: unknown): Promise<Row> {
	const w = new Where().add('platform = ?', platform).add('id = ?::uuid', accountId).raw('is_connected');
	const account = await one(q, `select * from public.social_accounts ${w} order by created_at, id limit 1`, w.params);
	if (!account) throw new ToolError('account_not_connected', `No connected ${platform} account${accountId ? ` with id ${String(accountId)}` : ''} in this organization`);
	return account;
}

async function replaceMedia(q: SqlRunner, orgId: string, postId: unknown, urls: string[]): Promise<void> {
	await q.query('delete from public.social_post_media where post_id = $1::uuid', [postId]);
	for (const [position, media_url] of urls.entries()) {
		await insertRow(q, 'social_post_media', { organization_id: orgId, post_id: postId, media_url, media_type: /\.(mp4|mov)$/i.test(media_url) ? 'video' : 'image', position });
	}
}

async function fullPost(q: SqlRunner, postId: unknown): Promise<Row> {
	const post = await one(q, 'select * from public.social_posts where id = $1::uuid', [postId]);
	if (!post) throw notFound('Social post', postId);
	const media = await rows(q, 'select * from public.social_post_media where post_id = $1::uuid order by position, id', [postId]);
	const metrics = await one(
		q,
		`select coalesce(sum(impressions), 0)::int as impressions, coalesce(sum(reach), 0)::int as reach, coalesce(sum(likes), 0)::int as likes,
			coalesce(sum(comments), 0)::int as comments, coalesce(sum(shares), 0)::int as shares, coalesce(sum(saves), 0)::int as saves
		from public.social_post_metrics_daily where post_id = $1::uuid`,
		[postId],
	);
	return { ...post, media, metrics };
}

function remoteId(seed: string): string {
	return createHash('sha256').update(seed).digest('hex').replace(/[a-f]/g, '').slice(0, 15).padEnd(15, '7');
}

const POST_ID = { post_id: s.uuid('social_posts.id') };

export const socialTools: ToolDef[] = [
	{
		name: 'nexus_sync_social_posts',
		description: 'Read the posts of the connected Instagram Business account(s) and write them as normalized rows into social_posts.',
		access: 'write',
		minPlan: 'starter',
		inputSchema: s.object({ platform: s.enum('Platform to sync (Instagram)', PLATFORMS), account_id: s.uuid('Only this social_accounts.id') }),
		run: (ctx, args) =>
			ctx.tx(async (q) => {
				const platform = String(args.platform ?? 'instagram');
				if (platform !== 'instagram') throw new ToolError('platform_not_supported', `Sync reads Instagram Business accounts only, not ${platform}`);
				const w = new Where().add('platform = ?', platform).add('id = ?::uuid', args.account_id).raw('is_connected');
				const accounts = await rows(q, `select * from public.social_accounts ${w} order by created_at, id`, w.params);
				if (!accounts.length) throw new ToolError('account_not_connected', 'No connected Instagram Business account in this organization');
				let created = 0;
				let updated = 0;
				for (const account of accounts) {
					// The account's feed as the platform returns it: what was published, plus one post made in the app.
					const published = await rows(q, `select platform_post_id, content, published_at, permalink from public.social_posts where social_account_id = $1::uuid and status = 'published' and platform_post_id is not null`, [account.id]);
					const appPostId = `179${remoteId(`${String(account.id)}:app-post`)}`;
					const feed = [...published, { platform_post_id: appPostId, content: 'Posted from the Instagram app', published_at: null, permalink: `https://www.instagram.com/p/${appPostId.slice(-8)}` }];
					for (const item of feed) {
						const r = await q.query(
							`insert into public.social_posts (organization_id, social_account_id, platform, content, status, published_at, platform_post_id, permalink)
							values ($1::uuid, $2::uuid, 'instagram', $3, 'published', coalesce($4::timestamptz, sandbox.now_us()), $5, $6)
							on conflict (organization_id, platform, platform_post_id) do update set content = excluded.content, permalink = excluded.permalink, status = 'published'
							returning (xmax = 0) as inserted`,
							[ctx.orgId, account.id, item.content, item.published_at, item.platform_post_id, item.permalink],
						);
						if (r.rows[0].inserted === true) created++;
						else updated++;
					}
				}
				return { platform, accounts: accounts.length, fetched: created + updated, created, updated };
			}),
	},
	{
		name: 'nexus_list_social_posts',
		description: 'List social posts, newest first.',
		access: 'read',
		minPlan: 'starter',
		inputSchema: s.object({ platform: s.enum('Only this platform', PLATFORMS), status: s.enum('Only this status', STATUSES), account_id: s.uuid('Only this social_accounts.id'), ...PAGE_PROPS }),
		run: (ctx, args) =>
			ctx.tx((q) => {
				const w = new Where().add('platform = ?', args.platform).add('status = ?', args.status).add('social_account_id = ?::uuid', args.account_id);
				return listing(q, `select * from public.social_posts ${w}`, w.params, 'coalesce(published_at, scheduled_at, created_at) desc, id', args);
			}),
	},
	{
		name: 'nexus_get_social_post',
		description: 'Get one social post with its media and metric totals.',
		access: 'read',
		minPlan: 'starter',
		inputSchema: s.object(POST_ID, ['post_id']),
		run: (ctx, args) => ctx.tx((q) => fullPost(q, args.post_id)),
	},
	{
		name: 'nexus_create_social_post',
		description: 'Create a draft (or, with scheduled_at, a scheduled) Facebook or Instagram post.',
		access: 'write',
		minPlan: 'starter',
		inputSchema: s.object(
			{
				platform: s.enum('Platform', PLATFORMS),
				content: s.str('Post text', { maxLength: 2200 }),
				account_id: s.uuid('social_accounts.id (default: the connected account of that platform)'),
				media_urls: s.strings('Image or video URLs', { type: 'string', format: 'uri' }),
				scheduled_at: s.dateTime('Publish time (makes the post scheduled)'),
			},
			['platform', 'content'],
		),
		run: (ctx, args) =>
			ctx.tx(async (q) => {
				requireWritable(args.platform);
				const account = await connectedAccount(q, String(args.platform), args.account_id);
				const post = await insertRow(q, 'social_posts', {
					organization_id: ctx.orgId,
					social_account_id: account.id,
					platform: args.platform,
					content: args.content,
					status: args.scheduled_at ? 'scheduled' : 'draft',
					scheduled_at: args.scheduled_at ?? null,
				});
				await replaceMedia(q, ctx.orgId, post.id, (args.media_urls as string[] | undefined) ?? []);
				return fullPost(q, post.id);
			}),
	},
	{
		name: 'nexus_update_social_post',
		description: 'Change a draft or scheduled post (content, media, schedule). Published posts cannot change.',
		access: 'write',
		minPlan: 'starter',
		inputSchema: s.object(
			{
				...POST_ID,
				content: s.str('Post text', { maxLength: 2200 }),
				media_urls: s.strings('Image or video URLs (replace the current media)', { type: 'string', format: 'uri' }),
				scheduled_at: { type: ['string', 'null'], format: 'date-time', description: 'Publish time; null makes the post a draft again' },
			},
			['post_id'],
			{ minProperties: 2 },
		),
		run: (ctx, args) =>
			ctx.tx(async (q) => {
				const post = await one(q, 'select * from public.social_posts where id = $1::uuid', [args.post_id]);
				if (!post) throw notFound('Social post', args.post_id);
				requireWritable(post.platform);
				if (post.status === 'published') throw new ToolError('invalid_post_status', 'Published posts cannot be changed');
				const patch: Row = {};
				if (args.content !== undefined) patch.content = args.content;
				if (args.scheduled_at !== undefined) {
					patch.scheduled_at = args.scheduled_at;
					patch.status = args.scheduled_at === null ? 'draft' : 'scheduled';
				}
				await updateRow(q, 'social_posts', String(post.id), patch);
				if (args.media_urls !== undefined) await replaceMedia(q, ctx.orgId, post.id, args.media_urls as string[]);
				return fullPost(q, post.id);
			}),
	},
	{
		name: 'nexus_publish_social_post',
		description: 'Publish a draft or scheduled post now. Instagram posts need at least one image or video.',
		access: 'write',
		minPlan: 'starter',
		inputSchema: s.object(POST_ID, ['post_id']),
		run: (ctx, args) =>
			ctx.tx(async (q) => {
				const post = await fullPost(q, args.post_id);
				requireWritable(post.platform);
				if (post.status === 'published') throw new ToolError('invalid_post_status', 'The post is already published');
				await connectedAccount(q, String(post.platform), post.social_account_id);
				if (post.platform === 'instagram' && !(post.media as unknown[]).length) throw new ToolError('media_required', 'Instagram posts need at least one image or video');
				const platformPostId = `${post.platform === 'instagram' ? '179' : '102'}${remoteId(`${String(post.id)}:published`)}`;
				await q.query(
					`update public.social_posts set status = 'published', published_at = sandbox.now_us(), platform_post_id = $2, permalink = $3 where id = $1::uuid`,
					[post.id, platformPostId, `https://www.${String(post.platform)}.com/p/${platformPostId.slice(-8)}`],
				);
				return fullPost(q, post.id);
			}),
	},
	{
		name: 'nexus_delete_social_post',
		description: 'Delete a social post with its media and metrics (admin scope).',
		access: 'admin',
		minPlan: 'starter',
		inputSchema: s.object(POST_ID, ['post_id']),
		run: (ctx, args) =>
			ctx.tx(async (q) => {
				const r = await q.query('delete from public.social_posts where id = $1::uuid returning id', [args.post_id]);
				if (!r.rows[0]) throw notFound('Social post', args.post_id);
				return { deleted: true, post_id: r.rows[0].id };
			}),
	},
	{
		name: 'nexus_list_social_accounts',
		description: 'List the connected social accounts.',
		access: 'read',
		minPlan: 'starter',
		inputSchema: s.object({ platform: s.enum('Only this platform', PLATFORMS) }),
		run: (ctx, args) =>
			ctx.tx(async (q) => {
				const w = new Where().add('platform = ?', args.platform);
				return { data: await rows(q, `select * from public.social_accounts ${w} order by platform, created_at, id`, w.params) };
			}),
	},
	{
		name: 'nexus_get_social_analytics',
		description: 'Sum of the daily post metrics (impressions, reach, likes, comments, shares, saves) per platform and per post.',
		access: 'read',
		minPlan: 'starter',
		inputSchema: s.object({ platform: s.enum('Only this platform', PLATFORMS), post_id: s.uuid('Only this post'), from: s.date('First day (default 30 days ago)'), to: s.date('Last day (default today)') }),
		run: (ctx, args) =>
			ctx.tx(async (q) => {
				const to = String(args.to ?? new Date().toISOString().slice(0, 10));
				const from = String(args.from ?? new Date(Date.parse(to) - 30 * 86_400_000).toISOString().slice(0, 10));
				if (from > to) throw new ToolError('validation_error', `from (${from}) is after to (${to})`);
				const w = new Where().add('m.metric_date >= ?::date', from).add('m.metric_date <= ?::date', to).add('p.platform = ?', args.platform).add('p.id = ?::uuid', args.post_id);
				const sums = `coalesce(sum(m.impressions), 0)::int as impressions, coalesce(sum(m.reach), 0)::int as reach, coalesce(sum(m.likes), 0)::int as likes,
					coalesce(sum(m.comments), 0)::int as comments, coalesce(sum(m.shares), 0)::int as shares, coalesce(sum(m.saves), 0)::int as saves,
					coalesce(sum(m.likes + m.comments + m.shares + m.saves), 0)::int as engagement`;
				const base = `from public.social_post_metrics_daily m join public.social_posts p on p.id = m.post_id ${w}`;
				return {
					from,
					to,
					totals: await one(q, `select ${sums} ${base}`, w.params),
					by_platform: await rows(q, `select p.platform, ${sums} ${base} group by p.platform order by p.platform`, w.params),
					posts: await rows(q, `select p.id as post_id, p.platform, ${sums} ${base} group by p.id, p.platform order by impressions desc, p.id`, w.params),
				};
			}),
	},
	{
		name: 'nexus_get_content_calendar',
		description: 'Scheduled and published posts by day (scheduled_at, else published_at).',
		access: 'read',
		minPlan: 'starter',
		inputSchema: s.object({ from: s.dateTime('Start (default 7 days ago)'), to: s.dateTime('End (default 30 days ahead)'), platform: s.enum('Only this platform', PLATFORMS) }),
		run: (ctx, args) =>
			ctx.tx(async (q) => {
				const from = String(args.from ?? new Date(Date.now() - 7 * 86_400_000).toISOString());
				const to = String(args.to ?? new Date(Date.now() + 30 * 86_400_000).toISOString());
				const w = new Where().add('coalesce(scheduled_at, published_at) >= ?::timestamptz', from).add('coalesce(scheduled_at, published_at) <= ?::timestamptz', to).add('platform = ?', args.platform);
				const posts = await rows(q, `select *, (coalesce(scheduled_at, published_at) at time zone 'UTC')::date::text as day from public.social_posts ${w} order by coalesce(scheduled_at, published_at), id`, w.params);
				const days = new Map<string, Row[]>();
				for (const { day, ...post } of posts) days.set(String(day), [...(days.get(String(day)) ?? []), post]);
				return { from, to, days: [...days].map(([date, dayPosts]) => ({ date, posts: dayPosts })) };
			}),
	},
];
