import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { filtersCollection } from '../../shared/filters';
import { nexRouting } from '../../shared/transport';
import { checkDateTime } from '../../../shared/dateTime';
import { returnAllAndLimit, type Operation } from '../../../shared/operation';
import { optionalParameter } from '../../../shared/parameters';
import { sendDateTime } from '../../../shared/preSend';

/** Nex answers at most 50 notifications per request and has no paging (`since` moves forward). */
export const FEED_MAX = 50;

export const notificationGetFeed: Operation = {
	option: {
		name: 'Get Feed',
		value: 'getFeed',
		action: 'List recent alerts and digests sent',
		description:
			'Get recent context alerts and digests Nex sent; use Since with the newest sent_at of the previous run to read only new ones',
		routing: nexRouting(
			{ method: 'GET', url: '/v1/notifications/feed' },
			{
				scope: 'notification.read',
				safeToRepeat: true,
				items: 'items',
				limit: { max: FEED_MAX },
				validate(this: IExecuteSingleFunctions) {
					const since = optionalParameter(this, 'filters.since');
					if (since !== undefined) checkDateTime(this, since, 'Since');
				},
			},
		),
	},
	properties: [
		...returnAllAndLimit({
			max: FEED_MAX,
			sendAs: 'limit',
			returnAllHint: `Nex has no paging for the feed: "all" is the ${FEED_MAX} most recent (after Since, if set)`,
		}),
		filtersCollection([
			{
				displayName: 'Since',
				name: 'since',
				type: 'dateTime',
				default: '',
				description: 'Only notifications sent after this time',
				routing: { send: { preSend: [sendDateTime('filters.since', 'since', 'qs')] } },
			},
		]),
	],
};
