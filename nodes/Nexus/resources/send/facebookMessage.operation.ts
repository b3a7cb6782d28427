import { recordLocator } from '../../shared/fields';
import { functionRouting } from '../../shared/functions';
import type { NexusOperation } from '../../shared/operation';
import { readUuid } from '../../shared/uuid';
import { conversationIdLocator, CONVERSATION_ID } from '../conversation/fields';
import { messageTextProperty, readMessageText } from './fields';

export const sendFacebookMessage: NexusOperation = {
	option: {
		name: 'Send Facebook Message',
		value: 'facebookMessage',
		action: 'Send a facebook message',
		description: 'Send a text message in a Facebook conversation (facebook-send-message)',
		routing: functionRouting('facebook-send-message', {
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
