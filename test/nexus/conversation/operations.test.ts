/**
 * Conversation (chats) get / get many, Message get many for a conversation, and Send: WhatsApp
 * message, WhatsApp template, Facebook message, Instagram message.
 */
import { apiRequests, expectInputError, header, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;
const chatOf = async (platform: string) =>
	(await t.sandbox.query(`select id from public.chats where organization_id = $1 and platform = $2 and not is_archived order by created_at limit 1`, [orgA(), platform]))[0]
		.id as string;

describe('Conversation', () => {
	test('Get reads one chat by id', async () => {
		const id = await chatOf('whatsapp');
		const { items, error, requests } = await t.run({ resource: 'conversation', operation: 'get', conversationId: t.rl('id', id) });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0]).toMatchObject({ path: '/rest/v1/chats', query: { id: `eq.${id}` } });
		expect(items).toEqual([expect.objectContaining({ id, platform: 'whatsapp' })]);
	});

	test('Get Many lists open chats of the chosen platforms, most recent first', async () => {
		const { items, error, requests } = await t.run({ resource: 'conversation', operation: 'getAll', returnAll: true, platforms: ['facebook', 'instagram'] });
		expect(error).toBeUndefined();
		const [get] = apiRequests(requests);
		expect(get.query).toMatchObject({ platform: 'in.(facebook,instagram)', is_archived: 'eq.false', order: 'last_message_time.desc.nullslast,id.asc' });
		const expected = await t.sandbox.query(
			`select id from public.chats where organization_id = $1 and platform in ('facebook','instagram') and not is_archived order by last_message_time desc nulls last, id`,
			[orgA()],
		);
		expect(items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
	});

	test('Include Archived adds the archived chats', async () => {
		const { items, requests } = await t.run({ resource: 'conversation', operation: 'getAll', returnAll: true, includeArchived: true });
		expect(apiRequests(requests)[0].query).not.toHaveProperty('is_archived');
		expect(items.some((item) => item.is_archived === true)).toBe(true);
	});
});

describe('Message → Get Many', () => {
	test('lists the messages of one conversation, oldest first', async () => {
		const chatId = await chatOf('whatsapp');
		const { items, error, requests } = await t.run({ resource: 'message', operation: 'getAll', conversationId: t.rl('id', chatId), returnAll: true });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0].query).toMatchObject({ chat_id: `eq.${chatId}`, order: 'timestamp.asc,id.asc' });
		const expected = await t.sandbox.query(`select id from public.messages where chat_id = $1 order by "timestamp", id`, [chatId]);
		expect(items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
	});

	test('filters inbound messages only', async () => {
		const chatId = await chatOf('whatsapp');
		const { items } = await t.run({
			resource: 'message',
			operation: 'getAll',
			conversationId: t.rl('id', chatId),
			returnAll: true,
			filters: { conditions: [{ column: 'direction', operator: 'eq', value: 'inbound' }] },
		});
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((item) => item.direction === 'inbound')).toBe(true);
	});
});

describe('Send', () => {
	test('WhatsApp Message posts chatId, message and the organization id, and the message is stored', async () => {
		const chatId = await chatOf('whatsapp');
		const { items, error, requests } = await t.run({ resource: 'send', operation: 'whatsappMessage', conversationId: t.rl('id', chatId), message: 'Your order ships today 📦' });
		expect(error).toBeUndefined();
		const post = apiRequests(requests).find((entry) => entry.path === '/functions/v1/whatsapp-send-message');
		expect(post?.body).toEqual({ chatId, message: 'Your order ships today 📦', organizationId: orgA() });
		expect(header(post!, 'authorization')).toMatch(/^Bearer /);
		expect(items[0]).toMatchObject({ success: true, chat_id: chatId, status: 'sent' });
		const [stored] = await t.sandbox.query('select content, direction from public.messages where id = $1', [items[0].message_id]);
		expect(stored).toEqual({ content: 'Your order ships today 📦', direction: 'outbound' });
	});

	test('WhatsApp Template normalises the phone number and sends the components', async () => {
		const components = [{ type: 'body', parameters: [{ type: 'text', text: 'Ahmed' }] }];
		const { items, error, requests } = await t.run({
			resource: 'send',
			operation: 'whatsappTemplate',
			phoneNumber: '0100 555 1234',
			defaultCountryCode: '20',
			templateName: 'order_confirmation',
			language: 'ar',
			components: JSON.stringify(components),
		});
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0]).toMatchObject({
			path: '/functions/v1/whatsapp-send-template',
			body: { phone_number: '+201005551234', template_name: 'order_confirmation', language: 'ar', components },
		});
		expect(items[0]).toMatchObject({ success: true, template_name: 'order_confirmation' });
	});

	test.each(['facebook', 'instagram'])('%s message goes to its send function', async (platform) => {
		const chatId = await chatOf(platform);
		const { items, error, requests } = await t.run({ resource: 'send', operation: `${platform}Message`, conversationId: t.rl('id', chatId), message: 'Yes, size M is in stock' });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0]).toMatchObject({ path: `/functions/v1/${platform}-send-message`, body: { chatId, message: 'Yes, size M is in stock' } });
		expect(items[0]).toMatchObject({ success: true, chat_id: chatId });
	});

	test('sending on a chat of another platform keeps the vendor error', async () => {
		const chatId = await chatOf('facebook');
		const run = await t.run({ resource: 'send', operation: 'instagramMessage', conversationId: t.rl('id', chatId), message: 'x' });
		expect(run.error?.message).toMatch(/^Chat .* is a facebook conversation, not instagram$/);
		expect(run.error?.description).toMatch(/^Nexus API error 400 \(platform_mismatch\): Chat /);
	});

	test('an empty message, a too long one, and bad template components are refused before sending', async () => {
		const chatId = await chatOf('whatsapp');
		expectInputError(await t.run({ resource: 'send', operation: 'facebookMessage', conversationId: t.rl('id', chatId), message: '={{ "  " }}' }), 'Message is empty');
		expectInputError(
			await t.run({ resource: 'send', operation: 'facebookMessage', conversationId: t.rl('id', chatId), message: 'x'.repeat(4097) }),
			'Message is too long (4097 characters)',
		);
		expectInputError(
			await t.run({ resource: 'send', operation: 'whatsappTemplate', phoneNumber: '+201005551234', templateName: 'x', components: '{"type": "body"}' }),
			'Components must be a JSON array',
		);
	});
});
