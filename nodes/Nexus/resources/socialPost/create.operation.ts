import type { IDataObject } from 'n8n-workflow';

import { checkDateTime } from '../../../shared/dateTime';
import { mcpToolOperation } from '../../shared/mcpToolOperation';
import { readUuid } from '../../shared/uuid';
import { mediaUrlsField, scheduledAtField, splitUrls, WRITABLE_PLATFORMS } from './fields';
import { additionalFieldsCollection } from '../../../shared/collections';

export const createSocialPost = mcpToolOperation({
	name: 'Create',
	value: 'create',
	action: 'Create a social post',
	description: 'Create a draft, or with Scheduled At a scheduled, Facebook or Instagram post (MCP tool nexus_create_social_post)',
	tool: 'nexus_create_social_post',
	properties: [
		{ displayName: 'Platform', name: 'platform', type: 'options', options: WRITABLE_PLATFORMS, default: 'facebook' },
		{ displayName: 'Content', name: 'content', type: 'string', typeOptions: { rows: 4 }, required: true, default: '', description: 'Text of the post' },
		additionalFieldsCollection([
			{ displayName: 'Account ID', name: 'accountId', type: 'string', default: '', description: 'The social account to post from; empty: the connected account of the platform' },
			mediaUrlsField,
			scheduledAtField,
		]),
	],
	args() {
		const fields = this.getNodeParameter('additionalFields', {}) as IDataObject;
		const args: IDataObject = { platform: this.getNodeParameter('platform', 'facebook'), content: this.getNodeParameter('content', '') };
		if (typeof fields.accountId === 'string' && fields.accountId.trim() !== '') {
			args.account_id = readUuid(this, 'additionalFields.accountId', 'Account ID');
		}
		if (fields.mediaUrls !== undefined) args.media_urls = splitUrls(fields.mediaUrls);
		if (fields.scheduledAt) args.scheduled_at = checkDateTime(this, fields.scheduledAt, 'Scheduled At');
		return args;
	},
});
