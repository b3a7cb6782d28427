import { resourceProperties } from '../../../shared/operation';
import { archiveConversation, unarchiveConversation } from './archive.operation';
import { assignConversation } from './assign.operation';
import { getConversation } from './get.operation';
import { getAllConversations } from './getAll.operation';
import { markConversationRead } from './markRead.operation';

export const conversationDescription = resourceProperties(
	'conversation',
	[archiveConversation, assignConversation, getConversation, getAllConversations, markConversationRead, unarchiveConversation],
	'getAll',
);
