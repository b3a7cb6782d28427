import type { IDataObject } from 'n8n-workflow';

import { mcpToolOperation } from '../../shared/mcpToolOperation';
import { readUuid } from '../../shared/uuid';
import { periodFilters, readPeriodFilters } from './period';

export const getSocialAnalytics = mcpToolOperation({
	name: 'Get Analytics',
	value: 'getAnalytics',
	action: 'Get social post analytics',
	description: 'Impressions, reach, likes, comments, shares and saves summed over days: in all, per platform and per post (MCP tool nexus_get_social_analytics)',
	tool: 'nexus_get_social_analytics',
	properties: [periodFilters('day', [{ displayName: 'Post ID', name: 'postId', type: 'string', default: '', description: 'Only the social post with this ID' }])],
	args() {
		const filters = this.getNodeParameter('filters', {}) as IDataObject;
		const args = readPeriodFilters(this, 'day');
		if (typeof filters.postId === 'string' && filters.postId.trim() !== '') args.post_id = readUuid(this, 'filters.postId', 'Post ID');
		return args;
	},
});
