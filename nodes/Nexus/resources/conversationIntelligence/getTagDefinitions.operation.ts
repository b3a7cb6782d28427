import type { IDataObject } from 'n8n-workflow';

import { filtersCollection } from '../../../shared/collections';
import { mcpToolOperation } from '../../shared/mcpToolOperation';
import { checkSlug, textArguments, textField } from './fields';

export const getTagDefinitions = mcpToolOperation({
	name: 'Get Tag Definitions',
	value: 'getTagDefinitions',
	action: 'Get tag definitions',
	description: "The organization's tag taxonomy: tag slugs per scope with their category (MCP tool nexus_list_ai_tag_definitions)",
	tool: 'nexus_list_ai_tag_definitions',
	listing: 'whole',
	properties: [
		filtersCollection([
			textField('Category', 'category', 'Only tags of this category (tag group)'),
			{ displayName: 'Include Inactive', name: 'includeInactive', type: 'boolean', default: false, description: 'Whether to include tags that are no longer active' },
			textField('Scope', 'scope', 'Only tags of this scope, e.g. message'),
		]),
	],
	args() {
		const filters = this.getNodeParameter('filters', {}) as IDataObject;
		const args = textArguments(filters, { category: 'category', scope: 'scope' });
		if (args.scope !== undefined) args.scope = checkSlug(this, args.scope, 'Scope');
		if (filters.includeInactive === true) args.include_inactive = true;
		return args;
	},
});
