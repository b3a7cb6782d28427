import { resourceProperties } from '../../../shared/operation';
import { deleteSocialPost } from './delete.operation';
import { getSocialPost } from './get.operation';
import { getAllSocialPosts } from './getAll.operation';
import { publishSocialPost } from './publish.operation';
import { syncSocialPosts } from './sync.operation';

export const socialPostDescription = resourceProperties(
	'socialPost',
	[deleteSocialPost, getSocialPost, getAllSocialPosts, publishSocialPost, syncSocialPosts],
	'getAll',
);
