import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checkDateTime } from '../../../shared/dateTime';
import { mcpToolOperation } from '../../shared/mcpToolOperation';
import { mediaUrlsField, postIdProperty, readPostId, scheduledAtField, splitUrls } from './fields';
import { updateFieldsCollection } from '../../../shared/collections';

export const updateSocialPost = mcpToolOperation({
	name: 'Update',
	value: 'update',
	action: 'Update a social post',
	description: 'Change the content, media or schedule of a draft or scheduled post (MCP tool nexus_update_social_post)',
	tool: 'nexus_update_social_post',
	properties: [
		postIdProperty,
		updateFieldsCollection([
			{ displayName: 'Content', name: 'content', type: 'string', typeOptions: { rows: 4 }, default: '', description: 'New text of the post' },
			{ ...mediaUrlsField, description: 'Image or video URLs replacing the current media, separated by commas or new lines' },
			scheduledAtField,
			{
				displayName: 'Unschedule',
				name: 'unschedule',
				type: 'boolean',
				default: false,
				description: 'Whether to clear the schedule, making the post a draft again',
			},
		]),
	],
	args() {
		const postId = readPostId(this);
		const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
		const args: IDataObject = {};
		if (typeof fields.content === 'string' && fields.content !== '') args.content = fields.content;
		if (fields.mediaUrls !== undefined) args.media_urls = splitUrls(fields.mediaUrls);
		if (fields.unschedule === true) args.scheduled_at = null;
		else if (fields.scheduledAt) args.scheduled_at = checkDateTime(this, fields.scheduledAt, 'Scheduled At');
		if (Object.keys(args).length === 0) {
			throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field to change', {
				description: 'Add Content, Media URLs, Scheduled At or Unschedule. Nothing was sent.',
			});
		}
		return { post_id: postId, ...args };
	},
});
