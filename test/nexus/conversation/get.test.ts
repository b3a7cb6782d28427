/** Conversation → Get (chats). */
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

describe('Conversation', () => {
	test('Get reads one chat by id', async () => {
		const id = await chatOf('whatsapp');
		const { items, error, requests } = await t.run({ resource: 'conversation', operation: 'get', conversationId: t.rl('id', id) });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0]).toMatchObject({ path: '/rest/v1/chats', query: { id: `eq.${id}` } });
		expect(items).toEqual([expect.objectContaining({ id, platform: 'whatsapp' })]);
	});
});
