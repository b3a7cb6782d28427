import { recordLocator } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { getRowRouting } from '../../shared/rowRouting';
import { conversationIdLocator, CONVERSATION_ID } from './fields';

export const getConversation: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a conversation by its UUID',
		description: 'Get one conversation (chat) by its ID (a UUID)',
		routing: getRowRouting('chats', 'conversation', CONVERSATION_ID),
	},
	properties: [recordLocator(conversationIdLocator)],
};
