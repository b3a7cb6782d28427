import { recordLocator } from '../../shared/fields';
import { functionRouting } from '../../shared/functions';
import type { NexusOperation } from '../../shared/operation';
import { readUuid } from '../../shared/uuid';
import { conversationIdLocator, CONVERSATION_ID } from '../conversation/fields';
import { messageTextProperty, readMessageText } from './fields';

export const sendInstagramMessage: NexusOperation = {
	option: {
		name: 'Send Instagram Message',
		value: 'instagramMessage',
		action: 'Send a instagram message',
		description: 'Send a text message in a Instagram conversation (instagram-send-message)',
		routing: functionRouting('instagram-send-message', {
			what: 'conversation',
			writes: true,
			safeToRepeat: false,
			body() {
				return { chatId: readUuid(this, CONVERSATION_ID.parameter, CONVERSATION_ID.label), message: readMessageText(this) };
			},
		}),
	},
	properties: [recordLocator(conversationIdLocator), messageTextProperty],
};
