import { recordLocator } from '../../shared/fields';
import { functionRouting } from '../../shared/functions';
import type { Operation } from '../../../shared/operation';
import { readUuid } from '../../shared/uuid';
import { conversationIdLocator, CONVERSATION_ID } from '../conversation/fields';
import { messageTextProperty, readMessageText } from './fields';

/** Send Facebook Message and Send Instagram Message: a text in a conversation, through `<platform>-send-message`. */
export function platformMessageOperation(platform: 'Facebook' | 'Instagram'): Operation {
	const name = platform.toLowerCase();
	return {
		option: {
			name: `Send ${platform} Message`,
			value: `${name}Message`,
			action: `Send a ${platform} message to a customer (sends immediately)`,
			description: `Send a text message in a ${platform} conversation (${name}-send-message)`,
			routing: functionRouting(`${name}-send-message`, {
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
}
