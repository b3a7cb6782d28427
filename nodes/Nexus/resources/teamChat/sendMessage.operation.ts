import { mcpToolOperation } from '../../shared/mcpToolOperation';
import { invalidInput, requireText } from '../../../shared/parameters';
import { conversationIdProperty, MAX_CONTENT, readConversationId } from './fields';

export const sendTeamChatMessage = mcpToolOperation({
	name: 'Send Message',
	value: 'sendMessage',
	action: 'Send a team chat message',
	description: 'Post a message as the agent in a team chat conversation it takes part in (MCP tool nexus_send_internal_message)',
	tool: 'nexus_send_internal_message',
	properties: [
		conversationIdProperty,
		{ displayName: 'Message', name: 'content', type: 'string', typeOptions: { rows: 4 }, required: true, default: '', description: 'Text of the message' },
	],
	args() {
		const conversationId = readConversationId(this);
		const content = requireText(this, 'content', 'Message');
		if (content.length > MAX_CONTENT) {
			throw invalidInput(this, `Message is too long (${content.length} characters)`, `A team chat message holds at most ${MAX_CONTENT} characters: shorten it or split it.`);
		}
		return { conversation_id: conversationId, content };
	},
});
