import { checkWholeNumber } from '../../../shared/numbers';
import { mcpToolOperation } from '../../shared/mcpToolOperation';
import { readUuid } from '../../shared/uuid';

/** What the figures are of: one customer (all their conversations) or one conversation. */
const TARGETS = [{ name: 'Customer', value: 'customer' }, { name: 'Conversation', value: 'conversation' }];

export const getCustomerIntelligence = mcpToolOperation({
	name: 'Get Customer Intelligence',
	value: 'getCustomerIntelligence',
	action: 'Get the intelligence of a customer',
	description: 'Message counts, tags, tag groups, intents and sentiment of one customer or conversation (MCP tool nexus_get_customer_conversation_intelligence)',
	tool: 'nexus_get_customer_conversation_intelligence',
	properties: [
		{ displayName: 'For', name: 'target', type: 'options', options: TARGETS, default: 'customer' },
		{ displayName: 'Customer ID', name: 'customerId', type: 'string', required: true, default: '', displayOptions: { show: { target: ['customer'] } } },
		{ displayName: 'Conversation ID', name: 'chatId', type: 'string', required: true, default: '', displayOptions: { show: { target: ['conversation'] } } },
		{ displayName: 'Days', name: 'days', type: 'number', typeOptions: { minValue: 1, maxValue: 365 }, default: 30, description: 'How many days back to look (1 to 365)' },
	],
	args() {
		const days = checkWholeNumber(this.getNode(), this.getNodeParameter('days', 30), 'Days', 1, 365);
		if (this.getNodeParameter('target', 'customer') === 'conversation') return { chat_id: readUuid(this, 'chatId', 'Conversation ID'), days };
		return { customer_id: readUuid(this, 'customerId', 'Customer ID'), days };
	},
});
