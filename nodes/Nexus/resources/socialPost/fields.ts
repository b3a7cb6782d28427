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
