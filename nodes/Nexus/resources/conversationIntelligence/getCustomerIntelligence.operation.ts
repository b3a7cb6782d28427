import { checkWholeNumber } from '../../../shared/numbers';
import { recordLocator } from '../../shared/fields';
import { mcpToolOperation } from '../../shared/mcpToolOperation';
import { readUuid } from '../../shared/uuid';
import { CONTACT_ID, contactIdLocator } from '../contact/fields';
import { CONVERSATION_ID, conversationIdLocator } from '../conversation/fields';

/** What the figures are of: one contact (all their conversations) or one conversation. */
const TARGETS = [{ name: 'Contact', value: 'contact' }, { name: 'Conversation', value: 'conversation' }];

export const getCustomerIntelligence = mcpToolOperation({
	name: 'Get Customer Intelligence',
	value: 'getCustomerIntelligence',
	action: 'Get the intelligence of a customer',
	description: 'Message counts, tags, tag groups, intents and sentiment of one contact or conversation (MCP tool nexus_get_customer_conversation_intelligence)',
	tool: 'nexus_get_customer_conversation_intelligence',
	properties: [
		{ displayName: 'For', name: 'target', type: 'options', options: TARGETS, default: 'contact' },
		{ ...recordLocator(contactIdLocator), displayOptions: { show: { target: ['contact'] } } },
		{ ...recordLocator(conversationIdLocator), displayOptions: { show: { target: ['conversation'] } } },
		{ displayName: 'Days', name: 'days', type: 'number', typeOptions: { minValue: 1, maxValue: 365 }, default: 30, description: 'How many days back to look (1 to 365)' },
	],
	args() {
		const days = checkWholeNumber(this.getNode(), this.getNodeParameter('days', 30), 'Days', 1, 365);
		if (this.getNodeParameter('target', 'contact') === 'conversation') return { chat_id: readUuid(this, CONVERSATION_ID.parameter, CONVERSATION_ID.label), days };
		return { customer_id: readUuid(this, CONTACT_ID.parameter, CONTACT_ID.label), days };
	},
});
