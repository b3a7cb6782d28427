import { resourceProperties } from '../../shared/rows';
import { getConversation } from './get.operation';
import { getAllConversations } from './getAll.operation';

export const conversationDescription = resourceProperties('conversation', [getConversation, getAllConversations], 'getAll');
