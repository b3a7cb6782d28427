import type { IHttpRequestMethods, INodePropertyRouting } from 'n8n-workflow';

import type { PathId } from '../../shared/executor';
import { nexRouting, type NexOperationSpec } from './transport';

/**
 * What one Nex path addresses, declared once for the operations on it: the url with its id
 * placeholders, the ids in it, and what a 404 means.
 */
export interface PathTarget {
	url: string;
	pathIds: PathId[];
	notFound: string;
}

/** The routing of a request on `target`: the operation adds its scope, whether it is safe to repeat, and its checks. */
export function targetRouting(
	target: PathTarget,
	method: IHttpRequestMethods,
	spec: Omit<NexOperationSpec, 'notFound' | 'pathIds'>,
	send?: Parameters<typeof nexRouting>[2],
): INodePropertyRouting {
	return nexRouting({ method, url: target.url }, { ...spec, notFound: target.notFound, pathIds: target.pathIds }, send);
}
