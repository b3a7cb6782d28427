/** Conversation → Archive, Unarchive, Assign, Mark Read (documented chats columns). */
import { apiRequests, expectInputError, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

async function someChat(): Promise<{ id: string }> {
	const rows = await t.sandbox.query('select id from public.chats where organization_id = $1 order by created_at limit 1', [orgA()]);
	return rows[0];
}

async function stored(id: string): Promise<{ is_archived: boolean; assigned_to: string | null; unread_count: number }> {
	const rows = await t.sandbox.query('select is_archived, assigned_to, unread_count from public.chats where id = $1', [id]);
	return rows[0];
}

describe('Conversation writes', () => {
	test('Archive then Unarchive set is_archived on that chat', async () => {
		const chat = await someChat();
		const archived = await t.run({ resource: 'conversation', operation: 'archive', conversationId: t.rl('id', chat.id) });
		expect(archived.error).toBeUndefined();
		expect(apiRequests(archived.requests)).toEqual([
			expect.objectContaining({ method: 'PATCH', path: '/rest/v1/chats', query: { id: `eq.${chat.id}` }, body: { is_archived: true } }),
		]);
		expect(archived.items).toEqual([expect.objectContaining({ id: chat.id, is_archived: true })]);
		expect((await stored(chat.id)).is_archived).toBe(true);

		const back = await t.run({ resource: 'conversation', operation: 'unarchive', conversationId: t.rl('id', chat.id) });
		expect(back.error).toBeUndefined();
		expect((await stored(chat.id)).is_archived).toBe(false);
	});

	test('Assign stores the user id in assigned_to, exactly as given', async () => {
		const chat = await someChat();
		const { error, items } = await t.run({ resource: 'conversation', operation: 'assign', conversationId: t.rl('id', chat.id), userId: ' 9007199254740993 ' });
		expect(error).toBeUndefined();
		expect(items[0]).toMatchObject({ assigned_to: '9007199254740993' });
		expect((await stored(chat.id)).assigned_to).toBe('9007199254740993');
	});

	test('Assign without a user id is refused before sending', async () => {
		const chat = await someChat();
		expectInputError(await t.run({ resource: 'conversation', operation: 'assign', conversationId: t.rl('id', chat.id), userId: '={{ "" }}' }), 'User ID is empty');
	});

	test('Mark Read sets unread_count to 0', async () => {
		const chat = await someChat();
		await t.sandbox.query('update public.chats set unread_count = 7 where id = $1', [chat.id]);
		const { error, requests } = await t.run({ resource: 'conversation', operation: 'markRead', conversationId: t.rl('id', chat.id) });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0]).toMatchObject({ method: 'PATCH', body: { unread_count: 0 } });
		expect((await stored(chat.id)).unread_count).toBe(0);
	});

	test('a conversation id that is not a UUID is refused before sending', async () => {
		expectInputError(await t.run({ resource: 'conversation', operation: 'markRead', conversationId: t.rl('id', '={{ "chat-1" }}') }), /^Conversation ID "chat-1" is not a valid ID/);
	});
});
