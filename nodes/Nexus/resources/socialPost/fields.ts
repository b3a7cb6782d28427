import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { readUuid } from '../../shared/uuid';

export const SOCIAL_PLATFORMS = [
	{ name: 'Facebook', value: 'facebook' },
	{ name: 'Instagram', value: 'instagram' },
	{ name: 'LinkedIn', value: 'linkedin' },
	{ name: 'Twitter', value: 'twitter' },
];

export const postIdProperty: INodeProperties = {
	displayName: 'Post ID',
	name: 'postId',
	type: 'string',
	required: true,
	default: '',
	description: 'ID of the social post',
};

export function readPostId(context: IExecuteSingleFunctions): string {
	return readUuid(context, 'postId', 'Post ID');
}

/** The platforms posts can be written to from MCP (Twitter and LinkedIn are reserved). */
export const WRITABLE_PLATFORMS = SOCIAL_PLATFORMS.filter((platform) => platform.value === 'facebook' || platform.value === 'instagram');

export const mediaUrlsField: INodeProperties = {
	displayName: 'Media URLs',
	name: 'mediaUrls',
	type: 'string',
	default: '',
	description: 'Image or video URLs, separated by commas or new lines (Instagram needs at least one to publish)',
};

export const scheduledAtField: INodeProperties = {
	displayName: 'Scheduled At',
	name: 'scheduledAt',
	type: 'dateTime',
	default: '',
	description: "When to publish (makes the post scheduled); without an offset it is read in the workflow's time zone",
};

/** Media URLs from a comma- or line-separated text (or an array from an expression). */
export function splitUrls(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\n,]/);
	return parts.map((part) => part.trim()).filter((part) => part !== '');
}
