import { filtersProperty, listOptionsProperty, recordLocator } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { listRowsRouting } from '../../shared/rowRouting';
import { readUuid } from '../../shared/uuid';
import { conversationIdLocator, CONVERSATION_ID } from '../conversation/fields';
import { returnAllAndLimit } from '../../../shared/operation';

export const getAllMessages: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List the messages of a conversation, oldest first',
		description: 'List the messages of a conversation, oldest first',
		routing: listRowsRouting('messages', 'messages', {
			defaultSort: [{ column: 'timestamp', direction: 'asc' }],
			fixed() {
				return [['chat_id', `eq.${readUuid(this, CONVERSATION_ID.parameter, CONVERSATION_ID.label)}`]];
			},
		}),
	},
	properties: [
		recordLocator(conversationIdLocator),
		...returnAllAndLimit(),
		filtersProperty('id, content, message_type, direction (inbound/outbound), status, platform_message_id, media_url, timestamp'),
		listOptionsProperty('timestamp ascending'),
	],
};
