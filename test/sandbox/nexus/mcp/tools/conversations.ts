/** Customer conversations (`chats`), sending through the platform's send-message edge function, and search. */
import { listing, notFound, one, rows, PAGE_PROPS, s, type ToolDef, Where } from '../toolkit';

const SEARCH_TYPES = ['contacts', 'orders', 'inventory', 'conversations'] as const;

export const conversationTools: ToolDef[] = [
	{
		name: 'nexus_list_conversations',
		description: 'List customer conversations (chats), most recent message first. Archived chats are left out unless asked for.',
		access: 'read',
		inputSchema: s.object({
			platform: s.enum('Only this platform', ['whatsapp', 'facebook', 'instagram']),
			is_archived: s.bool('Archived (true) or open (false) conversations', false),
			unread_only: s.bool('Only conversations with unread messages'),
			...PAGE_PROPS,
		}),
		run: (ctx, args) =>
			ctx.tx((q) => {
				const w = new Where().add('platform = ?', args.platform).add('is_archived = ?::boolean', args.is_archived ?? false);
				if (args.unread_only === true) w.raw('unread_count > 0');
				return listing(q, `select * from public.chats ${w}`, w.params, 'last_message_time desc nulls last, id', args);
			}),
	},
	{
		name: 'nexus_send_message',
		description: 'Send a text message in a conversation, on the conversation\'s platform (WhatsApp, Facebook or Instagram).',
		access: 'write',
		inputSchema: s.object({ chat_id: s.uuid('chats.id'), message: s.str('Message text', { minLength: 1, maxLength: 4096 }) }, ['chat_id', 'message']),
		run: async (ctx, args) => {
			const chat = await ctx.tx((q) => one(q, 'select id, platform from public.chats where id = $1::uuid', [args.chat_id]));
			if (!chat) throw notFound('Conversation', args.chat_id);
			return ctx.edge(`${String(chat.platform)}-send-message`, { chatId: chat.id, message: args.message, organizationId: ctx.orgId });
		},
	},
	{
		name: 'nexus_search',
		description: 'Search contacts, orders, inventory and conversations at once.',
		access: 'read',
		inputSchema: s.object(
			{
				query: s.str('Text to look for', { minLength: 1 }),
				types: { type: 'array', description: 'What to search (default all)', items: { type: 'string', enum: [...SEARCH_TYPES] }, uniqueItems: true },
				limit: s.int('Results per type (1-50)', 1, 50, 10),
			},
			['query'],
		),
		run: (ctx, args) =>
			ctx.tx(async (q) => {
				const types = (args.types as string[] | undefined) ?? [...SEARCH_TYPES];
				const like = `%${String(args.query)}%`;
				const limit = typeof args.limit === 'number' ? args.limit : 10;
				const sql: Record<string, string> = {
					contacts: `select * from public.customers where first_name ilike $1 or last_name ilike $1 or (first_name || ' ' || last_name) ilike $1 or email ilike $1 or phone_number ilike $1 order by created_at desc, id limit $2`,
					orders: `select * from public.orders where order_number ilike $1 or shopify_order_id ilike $1 or awb_number ilike $1 order by created_at desc, id limit $2`,
					inventory: `select to_jsonb(i) || jsonb_build_object('name', coalesce(to_jsonb(i)->>'name', i.description, i.item_no, i.sku)) as item from public.items i
						where coalesce(to_jsonb(i)->>'name', '') ilike $1 or i.description ilike $1 or i.item_no ilike $1 or i.sku ilike $1 or i.barcode ilike $1 order by i.updated_at desc, i.id limit $2`,
					conversations: `select * from public.chats where contact_name ilike $1 or contact_phone ilike $1 or last_message ilike $1 order by last_message_time desc nulls last, id limit $2`,
				};
				const results: Record<string, unknown[]> = {};
				for (const type of types) {
					const found = await rows(q, sql[type], [like, limit]);
					results[type] = type === 'inventory' ? found.map((r) => r.item) : found;
				}
				return { query: args.query, results };
			}),
	},
];
