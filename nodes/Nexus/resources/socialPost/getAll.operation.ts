import type { IDataObject } from 'n8n-workflow';

import { readLimit, returnAllAndLimit } from '../../../shared/operation';
import { MCP_MAX_PAGE, mcpToolOperation } from '../../shared/mcpToolOperation';
import { SOCIAL_PLATFORMS } from './fields';

export const getAllSocialPosts = mcpToolOperation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many social posts',
	description: 'List social posts, newest first (MCP tool nexus_list_social_posts)',
	tool: 'nexus_list_social_posts',
	listing: 'paged',
	properties: [
		...returnAllAndLimit({ max: MCP_MAX_PAGE }),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{ displayName: 'Account ID', name: 'account_id', type: 'string', default: '', description: 'Only posts of the social account with this ID' },
				{ displayName: 'Platform', name: 'platform', type: 'options', options: SOCIAL_PLATFORMS, default: 'instagram' },
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: ['Draft', 'Failed', 'Published', 'Scheduled'].map((name) => ({ name, value: name.toLowerCase() })),
					default: 'draft',
				},
			],
		},
	],
	args() {
		const limit = readLimit(this, MCP_MAX_PAGE);
		const filters = this.getNodeParameter('filters', {}) as IDataObject;
		const args: IDataObject = {};
		for (const key of ['account_id', 'platform', 'status']) {
			if (typeof filters[key] === 'string' && filters[key] !== '') args[key] = String(filters[key]).trim();
		}
		return limit === undefined ? args : { ...args, limit };
	},
});
