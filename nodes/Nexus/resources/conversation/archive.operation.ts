import { conversationUpdate } from './update';

export const archiveConversation = conversationUpdate(
	{ name: 'Archive', value: 'archive', action: 'Archive a conversation', description: 'Archive a conversation (is_archived = true)' },
	() => ({ is_archived: true }),
);

export const unarchiveConversation = conversationUpdate(
	{ name: 'Unarchive', value: 'unarchive', action: 'Unarchive a conversation', description: 'Bring an archived conversation back (is_archived = false)' },
	() => ({ is_archived: false }),
);
