import { recordLocator } from '../../shared/fields';
import { functionRouting } from '../../shared/functions';
import type { Operation } from '../../../shared/operation';
import { readJsonArguments } from '../../shared/mcpArguments';
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
					const extra = readJsonArguments(this, 'additionalBodyFields', 'Additional Body Fields');
					return { ...extra, chatId: readUuid(this, CONVERSATION_ID.parameter, CONVERSATION_ID.label), message: readMessageText(this) };
				},
			}),
		},
		properties: [
			recordLocator(conversationIdLocator),
			messageTextProperty,
			{
				displayName: 'Additional Body Fields',
				name: 'additionalBodyFields',
				type: 'json',
				default: '{}',
				description: `Nexus does not document the body of ${name}-send-message: the node sends WhatsApp's (chatId, message). Fields given here as a JSON object are added to it (chatId and message stay as set above).`,
			},
		],
	};
}
