import { recordLocator } from '../../shared/fields';
import { functionRouting } from '../../shared/functions';
import { organizationId } from '../../shared/organization';
import type { Operation } from '../../../shared/operation';
import { readUuid } from '../../shared/uuid';
import { conversationIdLocator, CONVERSATION_ID } from '../conversation/fields';
import { messageTextProperty, readMessageText } from './fields';

export const sendWhatsappMessage: Operation = {
	option: {
		name: 'Send WhatsApp Message',
		value: 'whatsappMessage',
		action: 'Send a WhatsApp message to a customer (sends immediately)',
		description: 'Send a text message in a WhatsApp conversation (whatsapp-send-message)',
		routing: functionRouting('whatsapp-send-message', {
			what: 'conversation',
			writes: true,
			safeToRepeat: false,
			async body() {
				const chatId = readUuid(this, CONVERSATION_ID.parameter, CONVERSATION_ID.label);
				const message = readMessageText(this);
				return { chatId, message, organizationId: await organizationId(this) };
			},
		}),
	},
	properties: [recordLocator(conversationIdLocator), messageTextProperty],
};
