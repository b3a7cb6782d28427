import { mcpToolOperation } from '../../shared/mcpToolOperation';
import { postIdProperty, readPostId } from './fields';

export const getSocialPost = mcpToolOperation({
	name: 'Get',
	value: 'get',
	action: 'Get a social post',
	description: 'One social post with its media (MCP tool nexus_get_social_post)',
	tool: 'nexus_get_social_post',
	properties: [postIdProperty],
	args() {
		return { post_id: readPostId(this) };
	},
});
