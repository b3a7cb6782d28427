import type { INodePropertyRouting } from 'n8n-workflow';

import type { BodyBuilder } from './rowRouting';
import { nexusExecutor, type NexusOperationSpec } from './transport';

/**
 * An operation that calls one edge function (`/functions/v1/<name>`). Their answers are not
 * documented, so they are passed through as they come.
 */
export function functionRouting(
	name: string,
	spec: Pick<NexusOperationSpec, 'safeToRepeat'> &
		Partial<Pick<NexusOperationSpec, 'what' | 'writes' | 'items' | 'paging' | 'transform'>> & {
		method?: 'GET' | 'POST';
		body?: BodyBuilder;
	},
): INodePropertyRouting {
	const { method = 'POST', body, ...rest } = spec;
	return nexusExecutor.routing(
		{ method, url: `/functions/v1/${name}` },
		{
			...rest,
			async request() {
				return body ? { body: await body.call(this) } : {};
			},
		},
	);
}
