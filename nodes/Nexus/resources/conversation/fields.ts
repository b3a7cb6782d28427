export const conversationIdLocator = {
	name: 'conversationId',
	displayName: 'Conversation',
	searchMethod: 'searchConversations',
	what: 'conversation (chat)',
};

export const CONVERSATION_ID = { parameter: 'conversationId', label: 'Conversation ID' };

export const CONVERSATION_COLUMNS_HINT =
	'id, platform, platform_chat_id, contact_name, contact_phone, contact_platform_id, last_message, last_message_time, unread_count, is_archived, assigned_to';
