import type { IDataObject } from 'n8n-workflow';

import { checkWholeNumber } from '../../../shared/numbers';
import { requireText } from '../../../shared/parameters';
import { mcpToolOperation } from '../../shared/mcpToolOperation';

/** The most results the tool gives per type. */
const MAX_PER_TYPE = 50;

const SEARCH_TYPES = ['Contacts', 'Conversations', 'Inventory', 'Orders'].map((name) => ({ name, value: name.toLowerCase() }));

export const searchEverything = mcpToolOperation({
	name: 'Search',
	value: 'search',
	action: 'Search contacts, orders, inventory and conversations',
	description: 'Look for a text in contacts, orders, inventory and conversations at once (MCP tool nexus_search)',
	tool: 'nexus_search',
	properties: [
		{ displayName: 'Query', name: 'query', type: 'string', required: true, default: '', placeholder: 'e.g. Ahmed', description: 'Text to look for (names, emails, phone numbers, order numbers, SKUs, message text)' },
		{ displayName: 'Search In', name: 'types', type: 'multiOptions', options: SEARCH_TYPES, default: [], description: 'What to search; none chosen: all of them' },
		{
			displayName: 'Limit per Type',
			name: 'limitPerType',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_PER_TYPE },
			default: 10,
			description: 'Max number of results of each type',
		},
	],
	args() {
		const args: IDataObject = { query: requireText(this, 'query', 'Query').trim() };
		const types = this.getNodeParameter('types', []);
		if (Array.isArray(types) && types.length > 0) args.types = types.map(String);
		args.limit = checkWholeNumber(this.getNode(), this.getNodeParameter('limitPerType', 10), 'Limit per Type', 1, MAX_PER_TYPE);
		return args;
	},
});
