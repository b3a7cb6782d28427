import { mcpToolOperation } from '../../shared/mcpToolOperation';
import { postIdProperty, readPostId } from './fields';

export const publishSocialPost = mcpToolOperation({
	name: 'Publish',
	value: 'publish',
	action: 'Publish a social post',
	description: 'Publish a draft or scheduled post now (Instagram needs media) (MCP tool nexus_publish_social_post)',
	tool: 'nexus_publish_social_post',
	properties: [postIdProperty],
	args() {
		return { post_id: readPostId(this) };
	},
});
