import { readLimit, returnAllAndLimit } from '../../../shared/operation';
import { MCP_MAX_PAGE, mcpToolOperation } from '../../shared/mcpToolOperation';

export const getTeamChatConversations = mcpToolOperation({
	name: 'Get Conversations',
	value: 'getConversations',
	action: 'Get team chat conversations',
	description: 'The team chat conversations the agent takes part in, most recent first, with participants and last message (MCP tool nexus_list_internal_conversations)',
	tool: 'nexus_list_internal_conversations',
	listing: 'paged',
	properties: returnAllAndLimit({ max: MCP_MAX_PAGE }),
	args() {
		const limit = readLimit(this, MCP_MAX_PAGE);
		return limit === undefined ? {} : { limit };
	},
});
