/**
 * Conversation intelligence (CS AI): ai_message_annotations, ai_tag_definitions (unique per
 * organization, scope and tag; category = the tag's group), org_ai_prompts, org_ai_profile, and
 * the two dashboard RPCs, which the tools call so that both give the same figures.
 */
import type { SqlRunner } from '../../db';
import { insertRow, listing, notFound, one, PAGE_PROPS, pick, rows, s, ToolError, type Row, type ToolDef, updateRow, Where } from '../toolkit';

const PROFILE_FIELDS = ['business_summary', 'customer_summary', 'industry', 'priority_attributes', 'custom_vocabulary', 'dashboard_focus_areas'] as const;
const ANNOTATION_FIELDS = ['tags', 'tag_group', 'intent', 'sentiment', 'urgency', 'summary'] as const;
const SLUG = { pattern: '^[a-z0-9][a-z0-9_]*$' };

/** Calls an RPC as the caller; a database exception becomes the tool's error message. */
async function rpc(q: SqlRunner, sql: string, params: unknown[]): Promise<unknown> {
	try {
		const r = await q.query(`select (${sql})::text as result`, params);
		return JSON.parse(String(r.rows[0].result));
	} catch (error) {
		const pg = error as { code?: string; message?: string };
		if (pg.code === '22023' || pg.code === 'P0001') throw new ToolError('validation_error', String(pg.message));
		throw error;
	}
}

async function upsertByOrg(q: SqlRunner, table: string, where: string, params: unknown[], values: Row): Promise<Row> {
	const existing = await one(q, `select id from public.${table} where ${where}`, params);
	return existing ? ((await updateRow(q, table, String(existing.id), values)) as Row) : insertRow(q, table, values);
}

export const intelligenceTools: ToolDef[] = [
	{
		name: 'nexus_list_ai_tag_definitions',
		description: 'The organization\'s tag taxonomy: tag slugs per scope, with their category (tag group).',
		access: 'read',
		inputSchema: s.object({ scope: s.str('Only this scope (for example message)'), category: s.str('Only this category (tag group)'), include_inactive: s.bool('Include inactive tags', false) }),
		run: (ctx, args) =>
			ctx.tx(async (q) => {
				const w = new Where().add('scope = ?', args.scope).add('category = ?', args.category);
				if (args.include_inactive !== true) w.raw('is_active');
				return { data: await rows(q, `select * from public.ai_tag_definitions ${w} order by scope, category nulls last, tag`, w.params) };
			}),
	},
	{
		name: 'nexus_list_message_annotations',
		description: 'AI annotations of customer messages (tags, tag group, intent), newest message first.',
		access: 'read',
		inputSchema: s.object({
			chat_id: s.uuid('Only this conversation'),
			tag: s.str('Only annotations carrying this tag slug'),
			tag_group: s.str('Only this tag group'),
			intent: s.str('Only this intent'),
			since: s.dateTime('Only messages sent at or after this time'),
			...PAGE_PROPS,
		}),
		run: (ctx, args) =>
			ctx.tx((q) => {
				const w = new Where().add('a.chat_id = ?::uuid', args.chat_id).add('? = any(a.tags)', args.tag).add('a.tag_group = ?', args.tag_group).add('a.intent = ?', args.intent).add('m."timestamp" >= ?::timestamptz', args.since);
				return listing(
					q,
					`select a.*, m.content as message_content, m.direction as message_direction, m."timestamp" as message_timestamp
					from public.ai_message_annotations a join public.messages m on m.id = a.message_id ${w}`,
					w.params,
					'message_timestamp desc, id',
					args,
				);
			}),
	},
	{
		name: 'nexus_get_message_ai_annotation',
		description: 'The AI annotation of one message (annotation null when the message has none yet).',
		access: 'read',
		inputSchema: s.object({ message_id: s.uuid('messages.id') }, ['message_id']),
		run: (ctx, args) =>
			ctx.tx(async (q) => {
				const message = await one(q, 'select id, chat_id, content, direction, "timestamp" from public.messages where id = $1::uuid', [args.message_id]);
				if (!message) throw notFound('Message', args.message_id);
				return { message, annotation: (await one(q, 'select * from public.ai_message_annotations where message_id = $1::uuid', [args.message_id])) ?? null };
			}),
	},
	{
		name: 'nexus_get_org_ai_annotation_settings',
		description: 'The organization\'s annotation settings: prompts (tag_message, tag_group), active tag definitions and AI profile.',
		access: 'read',
		inputSchema: s.object({}),
		run: (ctx) =>
			ctx.tx(async (q) => ({
				prompts: await rows(q, 'select * from public.org_ai_prompts order by prompt_key'),
				tag_definitions: await rows(q, 'select * from public.ai_tag_definitions where is_active order by scope, category nulls last, tag'),
				profile: (await one(q, 'select * from public.org_ai_profile')) ?? null,
			})),
	},
	{
		name: 'nexus_get_customer_conversation_intelligence',
		description: 'Conversation intelligence for one customer (or one conversation): message counts, tags, tag groups, intents, sentiment (rpc_ai_get_customer_intelligence).',
		access: 'read',
		inputSchema: s.object({ customer_id: s.uuid('customers.id'), chat_id: s.uuid('chats.id'), days: s.int('Look-back window in days', 1, 365, 30) }, [], { minProperties: 1 }),
		run: (ctx, args) =>
			ctx.tx((q) => rpc(q, 'public.rpc_ai_get_customer_intelligence(p_customer_id => $1::uuid, p_chat_id => $2::uuid, p_days => $3::int)', [args.customer_id ?? null, args.chat_id ?? null, args.days ?? 30])),
	},
	{
		name: 'nexus_get_conversation_intelligence_dashboard',
		description: 'Organization-wide conversation dashboard: volumes per platform and day, tags, tag groups, intents, sentiment (rpc_ai_get_conversation_dashboard).',
		access: 'read',
		inputSchema: s.object({ from: s.dateTime('Start (default 30 days before `to`)'), to: s.dateTime('End (default now)'), platform: s.enum('Only this platform', ['whatsapp', 'facebook', 'instagram']) }),
		run: (ctx, args) =>
			ctx.tx((q) => rpc(q, 'public.rpc_ai_get_conversation_dashboard(p_from => $1::timestamptz, p_to => $2::timestamptz, p_platform => $3::text)', [args.from ?? null, args.to ?? null, args.platform ?? null])),
	},
	{
		name: 'nexus_update_message_annotation',
		description: 'Correct a message\'s annotation (creates it when missing). Tags must be active message-scope slugs; tag_group defaults to the first tag\'s category.',
		access: 'write',
		inputSchema: s.object(
			{
				message_id: s.uuid('messages.id'),
				tags: s.strings('Tag slugs', { type: 'string', ...SLUG }),
				tag_group: s.str('Tag group'),
				intent: s.str('Intent'),
				sentiment: s.enum('Sentiment', ['positive', 'neutral', 'negative']),
				urgency: s.enum('Urgency', ['low', 'normal', 'high']),
				summary: s.str('Short summary'),
			},
			['message_id'],
			{ minProperties: 2 },
		),
		run: (ctx, args) =>
			ctx.tx(async (q) => {
				const message = await one(q, 'select id, chat_id from public.messages where id = $1::uuid', [args.message_id]);
				if (!message) throw notFound('Message', args.message_id);
				const values: Row = { ...pick(args, ANNOTATION_FIELDS), source: 'manual' };
				if (Array.isArray(args.tags)) {
					const defs = await rows(q, `select tag, category from public.ai_tag_definitions where scope = 'message' and is_active and tag = any($1::text[])`, [args.tags]);
					const unknown = (args.tags as string[]).filter((t) => !defs.some((d) => d.tag === t));
					if (unknown.length) throw new ToolError('unknown_tag', `Not an active message tag of this organization: ${unknown.join(', ')} (see nexus_list_ai_tag_definitions)`);
					if (args.tag_group === undefined && args.tags.length) values.tag_group = defs.find((d) => d.tag === (args.tags as string[])[0])?.category ?? null;
				}
				return upsertByOrg(q, 'ai_message_annotations', 'message_id = $1::uuid', [message.id], { organization_id: ctx.orgId, message_id: message.id, chat_id: message.chat_id, ...values });
			}),
	},
	{
		name: 'nexus_update_ai_tag_definition',
		description: 'Create or change a tag definition (unique per scope and tag).',
		access: 'write',
		inputSchema: s.object(
			{ tag: s.str('Tag slug', SLUG), scope: s.str('Scope (default message)', SLUG), category: s.str('Category (tag group)'), description: s.str('What the tag means'), is_active: s.bool('Active') },
			['tag'],
		),
		run: (ctx, args) =>
			ctx.tx((q) => {
				const scope = String(args.scope ?? 'message');
				return upsertByOrg(q, 'ai_tag_definitions', 'scope = $1 and tag = $2', [scope, args.tag], { organization_id: ctx.orgId, scope, tag: args.tag, ...pick(args, ['category', 'description', 'is_active']) });
			}),
	},
	{
		name: 'nexus_set_org_ai_annotation_prompt',
		description: 'Set the organization\'s annotation prompt for tag_message or tag_group.',
		access: 'write',
		inputSchema: s.object({ prompt_key: s.enum('Which prompt', ['tag_message', 'tag_group']), prompt_text: s.str('Prompt text', { minLength: 1, maxLength: 20000 }) }, ['prompt_key', 'prompt_text']),
		run: (ctx, args) =>
			ctx.tx((q) => upsertByOrg(q, 'org_ai_prompts', 'prompt_key = $1', [args.prompt_key], { organization_id: ctx.orgId, prompt_key: args.prompt_key, prompt_text: args.prompt_text })),
	},
	{
		name: 'nexus_update_org_conversation_intelligence_context',
		description: 'Update the organization\'s AI profile (summaries, industry, priority attributes, vocabulary, dashboard focus areas).',
		access: 'write',
		inputSchema: s.object(
			{
				business_summary: s.str('What the business does'),
				customer_summary: s.str('Who the customers are'),
				industry: s.str('Industry'),
				priority_attributes: s.strings('Attributes to watch'),
				custom_vocabulary: s.strings('Words the business uses'),
				dashboard_focus_areas: s.strings('Dashboard focus areas'),
			},
			[],
			{ minProperties: 1 },
		),
		run: (ctx, args) => ctx.tx((q) => upsertByOrg(q, 'org_ai_profile', 'true', [], { organization_id: ctx.orgId, ...pick(args, PROFILE_FIELDS) })),
	},
];
