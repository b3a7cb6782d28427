import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { type Operation, readLimit } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { checkDateTime } from '../../../shared/dateTime';
import { optionalParameter } from '../../../shared/parameters';
import { sendDateTime } from '../../../shared/preSend';

/** Nex answers at most 50 notifications per request and has no paging (`since` moves forward). */
export const FEED_MAX = 50;

async function askForMaximum(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	if (this.getNodeParameter('returnAll', false) as boolean) {
		requestOptions.qs = { ...(requestOptions.qs ?? {}), limit: FEED_MAX };
	}
	return requestOptions;
}


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
				validate(this: IExecuteSingleFunctions) {
					readLimit(this, FEED_MAX);
					const since = optionalParameter(this, 'filters.since');
					if (since !== undefined) checkDateTime(this, since, 'Since');
				},
				async transform(notifications) {
					const limit = readLimit(this);
					return limit === undefined ? notifications : notifications.slice(0, limit);
				},
			},
		),
	},
	properties: [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			hint: `Nex has no paging for the feed: "all" is the ${FEED_MAX} most recent (after Since, if set)`,
			routing: { send: { preSend: [askForMaximum] } },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: FEED_MAX },
			default: 50,
			description: 'Max number of results to return',
			hint: `At most ${FEED_MAX}`,
			displayOptions: { show: { returnAll: [false] } },
			routing: { send: { type: 'query', property: 'limit' } },
		},
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Since',
					name: 'since',
					type: 'dateTime',
					default: '',
					description: 'Only notifications sent after this time',
					routing: { send: { preSend: [sendDateTime('filters.since', 'since', 'qs')] } },
				},
			],
		},
	],
};
