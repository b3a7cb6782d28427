import { resourceProperties } from '../../../shared/operation';
import { createSocialPost } from './create.operation';
import { deleteSocialPost } from './delete.operation';
import { getSocialPost } from './get.operation';
import { getSocialAnalytics } from './getAnalytics.operation';
import { getContentCalendar } from './getContentCalendar.operation';
import { getAllSocialPosts } from './getAll.operation';
import { publishSocialPost } from './publish.operation';
import { syncSocialPosts } from './sync.operation';
import { updateSocialPost } from './update.operation';

export const socialPostDescription = resourceProperties(
	'socialPost',
	[createSocialPost, deleteSocialPost, getSocialPost, getSocialAnalytics, getContentCalendar, getAllSocialPosts, publishSocialPost, syncSocialPosts, updateSocialPost],
	'getAll',
);
