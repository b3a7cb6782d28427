/**
 * Team Chat → Get Conversations and Open DM, over the MCP internal-chat tools: the conversations
 * the agent takes part in (every one once with Return All, although the tool does not say whether
 * more pages follow), and a DM opened by email that is the same conversation as by user ID.
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

async function agentConversationIds(): Promise<string[]> {
	const rows = await nexus().sandbox.query(
		`select distinct c.id::text from public.internal_conversations c join public.internal_conversation_participants p on p.conversation_id = c.id
		where c.organization_id = $1 and p.agent_account_id = $2::uuid`,
		[ORG_A(), agentId],
	);
	return rows.map((row) => String(row.id)).sort();
}

test('Team Chat → Get Conversations: Limit gives the most recent, Return All every conversation of the agent once across pages', async () => {
	// 130 group conversations with the agent: more than one page of 100.
	await nexus().sandbox.query(
		`with made as (
			insert into public.internal_conversations (organization_id, type, title, last_message_at)
			select $1::uuid, 'group', 'Shift ' || n, timestamptz '2026-01-01T00:00:00Z' + n * interval '1 minute' from generate_series(1, 130) n returning id
		)
		insert into public.internal_conversation_participants (organization_id, conversation_id, agent_account_id) select $1::uuid, id, $2::uuid from made`,
		[ORG_A(), agentId],
	);
	const expected = await agentConversationIds();
	expect(expected.length).toBeGreaterThan(130);

	const some = await nexus().run({ resource: 'teamChat', operation: 'getConversations', limit: 3 });
	expect(some.error).toBeUndefined();
	expect(some.items).toHaveLength(3);
	expect(some.items.every((item) => Array.isArray(item.participants))).toBe(true);

	const every = await nexus().run({ resource: 'teamChat', operation: 'getConversations', returnAll: true });
	expect(every.error).toBeUndefined();
	expect(every.items.map((item) => String(item.id)).sort()).toEqual(expected);
});

test('Team Chat → Open DM by email, then by user ID: one conversation between the agent and the member', async () => {
	const [member] = await nexus().sandbox.query(`select user_id::text, email from public.organization_members where organization_id = $1 and email like 'support@%'`, [ORG_A()]);
	const byEmail = await nexus().run({ resource: 'teamChat', operation: 'openDm', findUserBy: 'email', userEmail: member.email.toUpperCase() });
	expect(byEmail.error).toBeUndefined();
	expect(byEmail.items).toHaveLength(1);
	const conversation = byEmail.items[0].conversation as { id: string; type: string };
	expect(conversation.type).toBe('dm');
	expect(byEmail.items[0].created).toBe(true);

	const byId = await nexus().run({ resource: 'teamChat', operation: 'openDm', findUserBy: 'userId', userId: member.user_id });
	expect(byId.error).toBeUndefined();
	expect(byId.items[0]).toMatchObject({ created: false, conversation: { id: conversation.id } });

	const participants = await nexus().sandbox.query(
		'select user_id::text, agent_account_id::text from public.internal_conversation_participants where conversation_id = $1 order by user_id nulls first',
		[conversation.id],
	);
	expect(participants).toEqual([
		{ user_id: null, agent_account_id: agentId },
		{ user_id: member.user_id, agent_account_id: null },
	]);
});

test('Team Chat → Open DM: a wrong email or user ID is refused before anything is sent', async () => {
	expectInputError(await nexus().run({ resource: 'teamChat', operation: 'openDm', findUserBy: 'email', userEmail: 'support at shop' }), /^Email "support at shop" is not a valid email address/);
	expectInputError(await nexus().run({ resource: 'teamChat', operation: 'openDm', findUserBy: 'email', userEmail: '={{ "" }}' }), 'Email is empty');
	expectInputError(await nexus().run({ resource: 'teamChat', operation: 'openDm', findUserBy: 'userId', userId: '42' }), /^User ID "42" is not a valid ID/);
});
