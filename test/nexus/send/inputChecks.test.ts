/** Send: messages and template components refused before sending. */
import { expectInputError, startNexusTest, type NexusTest } from '../helpers';

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
