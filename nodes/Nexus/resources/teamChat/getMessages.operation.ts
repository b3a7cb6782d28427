import type { IDataObject } from 'n8n-workflow';

import { checkDateTime } from '../../../shared/dateTime';
import { readLimit, returnAllAndLimit } from '../../../shared/operation';
import { optionalParameter } from '../../../shared/parameters';
import { dataOf, MCP_MAX_PAGE, mcpToolOperation } from '../../shared/mcpToolOperation';
import { conversationIdProperty, readConversationId } from './fields';
import { everyMessage } from './messagePages';

export const getTeamChatMessages = mcpToolOperation({
	name: 'Get Messages',
	value: 'getMessages',
	action: 'Get team chat messages',
	description: 'Messages of a team chat conversation, oldest first (MCP tool nexus_get_internal_messages)',
	tool: 'nexus_get_internal_messages',
	properties: [
		conversationIdProperty,
		...returnAllAndLimit({ max: MCP_MAX_PAGE, limitHint: 'The latest messages, at most 100' }),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Before',
					name: 'before',
					type: 'dateTime',
					default: '',
					description: "Only messages created before this time; without an offset it is read in the workflow's time zone",
				},
			],
		},
	],
	args() {
		const args: IDataObject = { conversation_id: readConversationId(this) };
		const before = optionalParameter(this, 'options.before');
		if (before !== undefined) args.before = checkDateTime(this, before, 'Before');
		const limit = readLimit(this, MCP_MAX_PAGE);
		return limit === undefined ? args : { ...args, limit };
	},
	async list(call, args) {
		if (this.getNodeParameter('returnAll', false) !== true) return dataOf(await call(args));
		return await everyMessage(this.getNode(), call, args);
	},
});
