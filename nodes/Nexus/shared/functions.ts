import type { INodePropertyRouting } from 'n8n-workflow';

import type { BodyBuilder } from './rowRouting';
import { nexusRouting, type NexusRoutingSpec } from './routing';

/**
 * An operation that calls one edge function (`/functions/v1/<name>`). Their answers are not
 * documented, so they are passed through as they come.
 */
export function functionRouting(
	name: string,
	spec: Pick<NexusRoutingSpec, 'what' | 'writes' | 'safeToRepeat' | 'items' | 'pagePagination' | 'transform'> & {
		method?: 'GET' | 'POST';
		body?: BodyBuilder;
	},
): INodePropertyRouting {
	const { method = 'POST', body, ...rest } = spec;
	return nexusRouting(
		{ method, url: `/functions/v1/${name}` },
		{
			...rest,
			async request() {
				return body ? { body: await body.call(this) } : {};
			},
		},
	);
}
