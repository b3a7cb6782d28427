/**
 * Internal team chat as the agent: internal_conversations, internal_conversation_participants,
 * internal_messages. Agent messages carry agent_account_id with sender_id null; the agent is the
 * account its API key points at (agent_api_keys.agent_id).
 */
import type { SqlRunner } from '../../db';
import { insertRow, notFound, one, PAGE_PROPS, rows, s, ToolError, type ToolContext, type ToolDef } from '../toolkit';

async function agentId(ctx: ToolContext): Promise<string> {
	const id = await ctx.agentAccountId();
	if (!id) throw new ToolError('agent_account_required', 'This API key is not linked to an agent account (agent_api_keys.agent_id), so it cannot use internal chat');
	return id;
}

async function ownConversation(q: SqlRunner, conversationId: unknown, agent: string) {
	const c = await one(
		q,
		`select c.* from public.internal_conversations c where c.id = $1::uuid
			and exists (select 1 from public.internal_conversation_participants p where p.conversation_id = c.id and p.agent_account_id = $2::uuid)`,
		[conversationId, agent],
	);
	if (!c) throw notFound('Internal conversation (with this agent as participant)', conversationId);
	return c;
}

export const internalChatTools: ToolDef[] = [
	{
		name: 'nexus_list_internal_conversations',
		description: 'List the internal team conversations the agent takes part in, most recent first, with participants and the last message.',
		access: 'read',
		inputSchema: s.object(PAGE_PROPS),
		run: async (ctx, args) => {
			const agent = await agentId(ctx);
			return ctx.tx(async (q) => {
				const data = await rows(
					q,
					`select c.*,
						(select coalesce(json_agg(json_build_object('user_id', p.user_id, 'agent_account_id', p.agent_account_id) order by p.created_at, p.id), '[]')
							from public.internal_conversation_participants p where p.conversation_id = c.id) as participants,
						(select row_to_json(m) from (select id, sender_id, agent_account_id, content, created_at from public.internal_messages
							where conversation_id = c.id order by created_at desc, id desc limit 1) m) as last_message
					from public.internal_conversations c
					where exists (select 1 from public.internal_conversation_participants p where p.conversation_id = c.id and p.agent_account_id = $1::uuid)
					order by c.last_message_at desc nulls last, c.id limit $2::int offset $3::int`,
					[agent, args.limit ?? 25, args.offset ?? 0],
				);
				return { data };
			});
		},
	},
	{
		name: 'nexus_get_internal_messages',
		description: 'Messages of an internal conversation, oldest first (the latest `limit`, or those before `before`).',
		access: 'read',
		inputSchema: s.object({ conversation_id: s.uuid('internal_conversations.id'), limit: s.int('Messages (1-100)', 1, 100, 50), before: s.dateTime('Only messages created before this time') }, ['conversation_id']),
		run: async (ctx, args) => {
			const agent = await agentId(ctx);
			return ctx.tx(async (q) => {
				const conversation = await ownConversation(q, args.conversation_id, agent);
				const data = await rows(
					q,
					`select * from (select * from public.internal_messages where conversation_id = $1::uuid and ($2::timestamptz is null or created_at < $2::timestamptz)
						order by created_at desc, id desc limit $3::int) m order by created_at, id`,
					[args.conversation_id, args.before ?? null, args.limit ?? 50],
				);
				return { conversation, data };
			});
		},
	},
	{
		name: 'nexus_open_internal_dm',
		description: 'Open (or find) the direct conversation between the agent and a team member, by user_id or user_email.',
		access: 'write',
		inputSchema: s.object({ user_id: s.uuid('The member\'s user id'), user_email: s.str('The member\'s email', { format: 'email' }) }, [], { minProperties: 1, maxProperties: 1 }),
		run: async (ctx, args) => {
			const agent = await agentId(ctx);
			return ctx.tx(async (q) => {
				const member = args.user_id
					? await one(q, 'select * from public.organization_members where user_id = $1::uuid', [args.user_id])
					: await one(q, 'select * from public.organization_members where lower(email) = lower($1)', [args.user_email]);
				if (!member) throw notFound('Team member', args.user_id ?? args.user_email);
				const existing = await one(
					q,
					`select c.* from public.internal_conversations c where c.type = 'dm'
						and exists (select 1 from public.internal_conversation_participants p where p.conversation_id = c.id and p.agent_account_id = $1::uuid)
						and exists (select 1 from public.internal_conversation_participants p where p.conversation_id = c.id and p.user_id = $2::uuid)
					order by c.created_at, c.id limit 1`,
					[agent, member.user_id],
				);
				if (existing) return { conversation: existing, created: false, member };
				const conversation = await insertRow(q, 'internal_conversations', { organization_id: ctx.orgId, type: 'dm' });
				await insertRow(q, 'internal_conversation_participants', { organization_id: ctx.orgId, conversation_id: conversation.id, agent_account_id: agent });
				await insertRow(q, 'internal_conversation_participants', { organization_id: ctx.orgId, conversation_id: conversation.id, user_id: member.user_id });
				return { conversation, created: true, member };
			});
		},
	},
	{
		name: 'nexus_send_internal_message',
		description: 'Post a message as the agent in an internal conversation it takes part in.',
		access: 'write',
		inputSchema: s.object({ conversation_id: s.uuid('internal_conversations.id'), content: s.str('Message text', { minLength: 1, maxLength: 10000 }) }, ['conversation_id', 'content']),
		run: async (ctx, args) => {
			const agent = await agentId(ctx);
			return ctx.tx(async (q) => {
				await ownConversation(q, args.conversation_id, agent);
				const message = await insertRow(q, 'internal_messages', { organization_id: ctx.orgId, conversation_id: args.conversation_id, sender_id: null, agent_account_id: agent, content: args.content });
				await q.query('update public.internal_conversations set last_message_at = $2::timestamptz where id = $1::uuid', [args.conversation_id, message.created_at]);
				return message;
			});
		},
	},
];
