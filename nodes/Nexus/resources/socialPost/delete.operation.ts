import { mcpToolOperation } from '../../shared/mcpToolOperation';
import { postIdProperty, readPostId } from './fields';

export const deleteSocialPost = mcpToolOperation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete a social post',
	description: 'Delete a social post (needs an admin-scope key) (MCP tool nexus_delete_social_post)',
	tool: 'nexus_delete_social_post',
	properties: [postIdProperty],
	args() {
		return { post_id: readPostId(this) };
	},
});
