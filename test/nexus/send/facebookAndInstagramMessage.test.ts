/** Send → Facebook Message and Instagram Message: one shape, two functions. */
import { apiRequests, expectInputError, startNexusTest, type NexusTest } from '../helpers';

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
	test.each(['facebook', 'instagram'])('%s message goes to its send function', async (platform) => {
		const chatId = await chatOf(platform);
		const { items, error, requests } = await t.run({ resource: 'send', operation: `${platform}Message`, conversationId: t.rl('id', chatId), message: 'Yes, size M is in stock' });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0]).toMatchObject({ path: `/functions/v1/${platform}-send-message`, body: { chatId, message: 'Yes, size M is in stock' } });
		expect(items[0]).toMatchObject({ success: true, chat_id: chatId });
	});

	test.each(['facebook', 'instagram'])('%s message: Additional Body Fields reach the send function beside chatId and message', async (platform) => {
		const chatId = await chatOf(platform);
		const { error, requests } = await t.run({
			resource: 'send',
			operation: `${platform}Message`,
			conversationId: t.rl('id', chatId),
			message: 'Your order shipped',
			additionalBodyFields: '{"messaging_type": "MESSAGE_TAG", "tag": "POST_PURCHASE_UPDATE", "message": "ignored"}',
		});
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0].body).toEqual({ messaging_type: 'MESSAGE_TAG', tag: 'POST_PURCHASE_UPDATE', chatId, message: 'Your order shipped' });
		const [stored] = await t.sandbox.query('select content from public.messages where chat_id = $1 order by created_at desc limit 1', [chatId]);
		expect(stored.content).toBe('Your order shipped');
	});

	test('Additional Body Fields that are not a JSON object are refused before sending', async () => {
		const chatId = await chatOf('facebook');
		expectInputError(
			await t.run({ resource: 'send', operation: 'facebookMessage', conversationId: t.rl('id', chatId), message: 'Hi', additionalBodyFields: '["tag"]' }),
			/^Additional Body Fields: must be a JSON object/,
		);
	});
});
