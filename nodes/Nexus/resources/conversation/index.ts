import { resourceProperties } from '../../../shared/operation';
import { getConversation } from './get.operation';
import { getAllConversations } from './getAll.operation';

export const conversationDescription = resourceProperties('conversation', [getConversation, getAllConversations], 'getAll');
