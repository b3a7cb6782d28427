import { mcpToolOperation } from '../../shared/mcpToolOperation';
import { SOCIAL_PLATFORMS } from '../socialPost/fields';

export const getAllSocialAccounts = mcpToolOperation({
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many social accounts',
	description: 'The connected social accounts (MCP tool nexus_list_social_accounts)',
	tool: 'nexus_list_social_accounts',
	listing: 'whole',
	properties: [
		{
			displayName: 'Platform',
			name: 'platform',
			type: 'options',
			options: [{ name: 'All', value: '' }, ...SOCIAL_PLATFORMS],
			default: '',
		},
	],
	args() {
		const platform = String(this.getNodeParameter('platform', '') ?? '');
		return platform ? { platform } : {};
	},
});
