/** Send → WhatsApp Message (send-whatsapp-message). */
import { apiRequests, header, startNexusTest, type NexusTest } from '../helpers';

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

	test('sending on a chat of another platform keeps the vendor error', async () => {
		const chatId = await chatOf('facebook');
		const run = await t.run({ resource: 'send', operation: 'instagramMessage', conversationId: t.rl('id', chatId), message: 'x' });
		expect(run.error?.message).toMatch(/^Chat .* is a facebook conversation, not instagram$/);
		expect(run.error?.description).toMatch(/^Nexus API error 400 \(platform_mismatch\): Chat /);
	});
});
