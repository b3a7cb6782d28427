import type { IDataObject } from 'n8n-workflow';

import { mcpToolOperation } from '../../shared/mcpToolOperation';
import { checkSlug, fieldsCollection, textArguments, textField } from './fields';

export const upsertTagDefinition = mcpToolOperation({
	name: 'Create or Update Tag Definition',
	value: 'upsertTagDefinition',
	action: 'Create or update a tag definition',
	description: 'Add a tag to the taxonomy, or change the one with this tag and scope (MCP tool nexus_update_ai_tag_definition)',
	tool: 'nexus_update_ai_tag_definition',
	properties: [
		{ displayName: 'Tag', name: 'tag', type: 'string', required: true, default: '', placeholder: 'order_status', description: 'Slug of the tag: lower-case letters, digits and underscores' },
		fieldsCollection('additionalFields', [
			{ displayName: 'Active', name: 'active', type: 'boolean', default: true, description: 'Whether annotations may use the tag' },
			textField('Category', 'category', 'Tag group the tag belongs to'),
			textField('Description', 'description', 'What the tag means'),
			textField('Scope', 'scope', 'Scope slug; empty: message'),
		]),
	],
	args() {
		const fields = this.getNodeParameter('additionalFields', {}) as IDataObject;
		const args: IDataObject = { tag: checkSlug(this, this.getNodeParameter('tag', ''), 'Tag'), ...textArguments(fields, { scope: 'scope', category: 'category', description: 'description' }) };
		if (args.scope !== undefined) args.scope = checkSlug(this, args.scope, 'Scope');
		if (typeof fields.active === 'boolean') args.is_active = fields.active;
		return args;
	},
});
