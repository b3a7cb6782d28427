import { conversationUpdate } from './update';

export const markConversationRead = conversationUpdate(
	{ name: 'Mark Read', value: 'markRead', action: 'Mark a conversation as read', description: 'Mark a conversation as read (unread_count = 0)' },
	() => ({ unread_count: 0 }),
);
