/**
 * Conversation Intelligence → Get Customer Intelligence and Get Dashboard: the figures the
 * sandbox's dashboard functions give for what it stores (the arguments reach them), and bad input
 * stopped before sending.
 */
import { expectInputError, useNexusTest } from '../helpers';

const nexus = useNexusTest({ requestsPerMinute: 0 });

const ORG_A = () => nexus().sandbox.orgs.a.id;
const RESOURCE = 'conversationIntelligence';

async function annotatedChat(): Promise<string> {
	const [row] = await nexus().sandbox.query('select chat_id from public.ai_message_annotations where organization_id = $1 group by chat_id order by count(*) desc, chat_id limit 1', [ORG_A()]);
	return String(row.chat_id);
}

test('Get Customer Intelligence for a conversation: its message and annotation counts over the days asked', async () => {
	const chatId = await annotatedChat();
	const [counts] = await nexus().sandbox.query(
		`select (select count(*)::int from public.messages where chat_id = $1) as total,
			(select count(*)::int from public.ai_message_annotations where chat_id = $1) as annotated`,
		[chatId],
	);
	const result = await nexus().run({ resource: RESOURCE, operation: 'getCustomerIntelligence', target: 'conversation', conversationId: nexus().rl('id', chatId), days: 365 });
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(1);
	expect(result.items[0]).toEqual(expect.objectContaining({ chat_ids: [chatId], period_days: 365, annotated_messages: counts.annotated }));
	expect((result.items[0].messages as { total: number }).total).toBe(counts.total);
});

test('Get Customer Intelligence for a contact picked from the list: the conversations of that customer', async () => {
	const [customer] = await nexus().sandbox.query(
		`select c.id, array_agg(ch.id::text order by ch.id) as chats from public.customers c join public.chats ch on ch.contact_phone = c.phone_number
		where c.organization_id = $1 group by c.id order by c.id limit 1`,
		[ORG_A()],
	);
	const result = await nexus().run({ resource: RESOURCE, operation: 'getCustomerIntelligence', target: 'contact', contactId: nexus().rl('list', String(customer.id)) });
	expect(result.error).toBeUndefined();
	expect(result.items[0]).toEqual(expect.objectContaining({ customer_id: customer.id, period_days: 30 }));
	expect(result.items[0].chat_ids).toEqual(expect.arrayContaining(customer.chats as string[]));
});

test('Get Customer Intelligence: a missing or malformed ID and Days out of range are refused before anything is sent', async () => {
	expectInputError(await nexus().run({ resource: RESOURCE, operation: 'getCustomerIntelligence', target: 'contact', contactId: nexus().rl('id', '={{ "" }}') }), /^Contact ID /);
	expectInputError(await nexus().run({ resource: RESOURCE, operation: 'getCustomerIntelligence', target: 'conversation', conversationId: nexus().rl('id', '={{ "abc" }}') }), /^Conversation ID /);
	const chatId = await annotatedChat();
	expectInputError(await nexus().run({ resource: RESOURCE, operation: 'getCustomerIntelligence', target: 'conversation', conversationId: nexus().rl('id', chatId), days: 0 }), /^Days /);
	expectInputError(await nexus().run({ resource: RESOURCE, operation: 'getCustomerIntelligence', target: 'conversation', conversationId: nexus().rl('id', chatId), days: 366 }), /^Days /);
});

test('Get Dashboard: From, To and Platform reach the dashboard, whose counts match the stored messages', async () => {
	const [counts] = await nexus().sandbox.query(
		`select count(*)::int as total, count(distinct m.chat_id)::int as conversations,
			count(a.id)::int as annotated
		from public.messages m join public.chats ch on ch.id = m.chat_id left join public.ai_message_annotations a on a.message_id = m.id
		where ch.organization_id = $1 and ch.platform = 'whatsapp'`,
		[ORG_A()],
	);
	expect(counts.total).toBeGreaterThan(0);
	const result = await nexus().run({
		resource: RESOURCE,
		operation: 'getDashboard',
		options: { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', platform: 'whatsapp' },
	});
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(1);
	const dashboard = result.items[0] as { platform: string; conversations: number; annotated_messages: number; messages: { total: number }; from: string };
	expect(dashboard).toEqual(expect.objectContaining({ platform: 'whatsapp', conversations: counts.conversations, annotated_messages: counts.annotated }));
	expect(dashboard.messages.total).toBe(counts.total);
	expect(new Date(dashboard.from).toISOString()).toBe('2000-01-01T00:00:00.000Z');
});

test('Get Dashboard: a From that is not a date is refused before anything is sent', async () => {
	expectInputError(await nexus().run({ resource: RESOURCE, operation: 'getDashboard', options: { from: 'last week' } }), /^From /);
});
