/**
 * Team Chat → Send Message and Get Messages, over the MCP internal-chat tools: a message sent as
 * the agent is stored as the agent's and read back; Return All pages backwards in time and gives
 * every message once, also when messages sharing one timestamp straddle a page boundary.
 */
import { expectInputError, useNexusTest } from '../helpers';

const nexus = useNexusTest({ requestsPerMinute: 0 });
let agentId: string;
beforeAll(async () => {
	[{ agent_id: agentId }] = await nexus().sandbox.query('select agent_id::text from private.agent_api_keys where organization_id = $1 and agent_id is not null limit 1', [
		nexus().sandbox.orgs.a.id,
	]);
});

const ORG_A = () => nexus().sandbox.orgs.a.id;

/** A new group conversation of the agent. */
async function newConversation(title: string): Promise<string> {
	const [conversation] = await nexus().sandbox.query(`insert into public.internal_conversations (organization_id, type, title) values ($1::uuid, 'group', $2) returning id::text`, [ORG_A(), title]);
	await nexus().sandbox.query('insert into public.internal_conversation_participants (organization_id, conversation_id, agent_account_id) values ($1::uuid, $2::uuid, $3::uuid)', [
		ORG_A(),
		conversation.id,
		agentId,
	]);
	return String(conversation.id);
}

test('Team Chat → Send Message: stored as the agent\'s message, then read back with Get Messages', async () => {
	const conversationId = await newConversation('Dispatch');
	const content = 'Shipment BST-1001 failed: customer not reachable.\nPlease call them.';
	const sent = await nexus().run({ resource: 'teamChat', operation: 'sendMessage', conversationId, content });
	expect(sent.error).toBeUndefined();
	expect(sent.items).toHaveLength(1);
	const id = String(sent.items[0].id);
	expect(await nexus().sandbox.query('select conversation_id::text, sender_id, agent_account_id::text, content from public.internal_messages where id = $1', [id])).toEqual([
		{ conversation_id: conversationId, sender_id: null, agent_account_id: agentId, content },
	]);

	const read = await nexus().run({ resource: 'teamChat', operation: 'getMessages', conversationId, limit: 10 });
	expect(read.error).toBeUndefined();
	expect(read.items.map((item) => [item.id, item.content])).toEqual([[id, content]]);
});

test('Team Chat → Send Message: an empty message or a conversation ID that is not a UUID is refused before anything is sent', async () => {
	const conversationId = await newConversation('Refused');
	expectInputError(await nexus().run({ resource: 'teamChat', operation: 'sendMessage', conversationId, content: '  ' }), 'Message is empty');
	expectInputError(await nexus().run({ resource: 'teamChat', operation: 'sendMessage', conversationId: 'team', content: 'Hi' }), /^Conversation ID "team" is not a valid ID/);
	expect(await nexus().sandbox.query('select id from public.internal_messages where conversation_id = $1', [conversationId])).toEqual([]);
});

test('Team Chat → Get Messages: Limit gives the latest, oldest first; Return All every message once, ties at a page boundary included', async () => {
	const conversationId = await newConversation('Busy');
	// 250 messages a millisecond apart, but for ten (numbers 145 to 154) that share one microsecond-precise
	// time: the first page of 100 (the latest) ends inside that group.
	await nexus().sandbox.query(
		`insert into public.internal_messages (organization_id, conversation_id, agent_account_id, content, created_at, updated_at)
		select $1::uuid, $2::uuid, $3::uuid, 'Message ' || n, at, at
		from generate_series(1, 250) n, lateral (select timestamptz '2026-01-01T00:00:00Z' + (case when n between 145 and 154 then 145500 else n * 1000 end) * interval '1 microsecond' as at) t`,
		[ORG_A(), conversationId, agentId],
	);
	const expected = (await nexus().sandbox.query('select id::text from public.internal_messages where conversation_id = $1 order by created_at, id', [conversationId])).map((row) => row.id);
	expect(expected).toHaveLength(250);

	const latest = await nexus().run({ resource: 'teamChat', operation: 'getMessages', conversationId, limit: 3 });
	expect(latest.error).toBeUndefined();
	expect(latest.items.map((item) => item.content)).toEqual(['Message 248', 'Message 249', 'Message 250']);

	const every = await nexus().run({ resource: 'teamChat', operation: 'getMessages', conversationId, returnAll: true });
	expect(every.error).toBeUndefined();
	expect(every.items.map((item) => item.id)).toEqual(expected);
});

test('Team Chat → Get Messages: a conversation ID that is not a UUID, or a Before that is no date, is refused before anything is sent', async () => {
	expectInputError(await nexus().run({ resource: 'teamChat', operation: 'getMessages', conversationId: '={{ "" }}', limit: 5 }), 'Conversation ID is empty');
	const conversationId = await newConversation('Dates');
	expectInputError(await nexus().run({ resource: 'teamChat', operation: 'getMessages', conversationId, limit: 5, options: { before: 'last week' } }), /^Before "last week" is not a valid date and time/);
});
