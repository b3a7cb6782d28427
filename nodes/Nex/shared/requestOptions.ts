import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsOf, type RequestContext } from '../../shared/request';
import { requestOptionsCollection } from '../../shared/requestOptionsCollection';

/**
 * Pages of an offset listing (records, list records, tasks) asked for at once. Nex documents no
 * rate limit for listings: its reference (llms.txt) names one only for integration connect (10 a
 * minute), its agent guide only says to back off on 429, and its own clients throttle only
 * `POST /v1/context/text`. A few at once keep one execution from flooding a workspace, and the
 * first 429 brings the listing down to one. 6 meets the bench's targets at a 40 ms round trip by
 * its round trips (bench/README.md).
 */
export const DEFAULT_PARALLEL_REQUESTS = 6;
export const MAX_PARALLEL_REQUESTS = 10;

const base = requestOptionsCollection(
	'How often to retry when Nex answers 429 (rate limited), or 502/503/504 or a dropped connection for requests that are safe to repeat. Waits for Retry-After when Nex sends it.',
);

/** The Nex node's "Request Options": the shared collection, with what Nex retries on, and Parallel Requests for offset listings. */
export const requestOptionsProperty: INodeProperties = {
	...base,
	options: [
		...(base.options ?? []),
		{
			displayName: 'Parallel Requests',
			name: 'parallelRequests',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_REQUESTS },
			default: DEFAULT_PARALLEL_REQUESTS,
			description:
				'How many pages of a Get Many with Return All (records, list entries, tasks) to ask for at once once the first page gave the total. 1 reads one page after another; after a 429 the listing goes on one at a time.',
		},
	],
};

/** Parallel Requests from the node's Request Options, within its bounds. */
export function parallelRequests(context: RequestContext): number {
	const value = Number(requestOptionsOf(context).parallelRequests ?? DEFAULT_PARALLEL_REQUESTS);
	return Number.isFinite(value) ? Math.min(MAX_PARALLEL_REQUESTS, Math.max(1, Math.floor(value))) : DEFAULT_PARALLEL_REQUESTS;
}
