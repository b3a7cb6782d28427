import { mcpToolOperation } from '../../shared/mcpToolOperation';

export const syncSocialPosts = mcpToolOperation({
	name: 'Sync',
	value: 'sync',
	action: 'Sync social posts',
	description: "Read the connected Instagram account's feed into the social posts (MCP tool nexus_sync_social_posts)",
	tool: 'nexus_sync_social_posts',
	properties: [
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			description: 'Only the social account with this ID; empty: the connected Instagram account',
		},
	],
	args() {
		const accountId = String(this.getNodeParameter('accountId', '') ?? '').trim();
		return { platform: 'instagram', ...(accountId ? { account_id: accountId } : {}) };
	},
});
