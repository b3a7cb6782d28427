import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { readUuid } from '../../shared/uuid';

/** The longest message the tool accepts. */
export const MAX_CONTENT = 10_000;

export const conversationIdProperty: INodeProperties = {
	displayName: 'Conversation ID',
	name: 'conversationId',
	type: 'string',
	required: true,
	default: '',
	description: 'ID of the team chat conversation (the agent must take part in it), e.g. from Get Conversations or Open DM',
};

export function readConversationId(context: IExecuteSingleFunctions): string {
	return readUuid(context, 'conversationId', 'Conversation ID');
}
