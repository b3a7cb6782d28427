/** Message → Get Many: the messages of one conversation. */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

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
