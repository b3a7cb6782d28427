import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodePropertyRouting,
	INodeRequestSend,
} from 'n8n-workflow';

import { assertExactIdNumbers } from '../../shared/exactIds';
import {
	assertDeclaredPathIds,
	assertPathIds,
	itemsOrErrorItem,
	readLimit,
	routingRequestParsed,
	type PathId,
} from '../../shared/executor';
import { parseAnswerPostReceive, pick, toItems } from '../../shared/http';
import { nexusBaseUrl } from './credential';
import { readEdgePages } from './edgePages';
import { readKeysetPages } from './keyset';
import { mergePrefer } from './prefer';
import { toQueryPairs } from './queryPairs';
import { nexusTransport, type NexusCallSpec } from './transport';

/** What a declarative operation's request adds to the request n8n built from its parameters. */
export interface NexusRequestPatch {
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	headers?: IDataObject;
}

export interface NexusRoutingSpec extends NexusCallSpec {
	/** Where the results sit in the answer (`data`). Absent: the answer (array or object) is the result. */
	items?: string | ((answer: unknown) => unknown);
	/**
	 * A PostgREST listing: honours `returnAll`/`limit`, reads 100 rows per request by key (the
	 * query's sort columns, then `id`: see keyset.ts), every row once even while rows change.
	 */
	pagination?: 'postgrest';
	/** Edge-function listing `?page&per_page` → `{data, pagination: {page, per_page, total, total_pages}}`. */
	pagePagination?: 'edge';
	/** Parameters used as ids in the path or in a filter, with their names in the editor: checked by `assertPathIds`; every parameter the URL reads must be here. */
	pathIds?: PathId[];
	/** Checks before sending (throw NodeOperationError to stop with nothing sent). */
	validate?: (this: IExecuteSingleFunctions) => Promise<void> | void;
	/** Query, body or headers computed from the parameters (filters, sort, line items...). */
	request?: (this: IExecuteSingleFunctions) => Promise<NexusRequestPatch> | NexusRequestPatch;
	/**
	 * Replaces the single request for operations made of several requests (create an order
	 * with its items, ship an order): runs them with `nexusApiRequest` and returns the rows.
	 */
	run?: (this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions) => Promise<IDataObject[]>;
	/** Shapes the output items (Simplify...), after paging. */
	transform?: (this: IExecuteSingleFunctions, items: IDataObject[]) => Promise<IDataObject[]> | IDataObject[];
}

function extractItems(spec: NexusRoutingSpec, answer: unknown): IDataObject[] {
	const selected = typeof spec.items === 'function' ? spec.items(answer) : pick(answer, spec.items);
	return toItems(selected).map((item) => item.json);
}

/**
 * The executor every Nexus operation runs through. n8n calls it as the routing's pagination
 * function and hands it `makeRoutingRequest`; the request itself is built by n8n's routing from
 * `routing.request` and the parameters' `routing.send`, then completed by `spec.request`.
 */
export function nexusExecutor(spec: NexusRoutingSpec) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		return await itemsOrErrorItem(this, async () => {
			await nexusBaseUrl(this);
			assertPathIds(this, spec.pathIds);
			assertExactIdNumbers(this);
			if (spec.validate) await spec.validate.call(this);
			const patch = spec.request ? await spec.request.call(this) : {};
			const send = async (extra: { qs?: IDataObject; headers?: IDataObject } = {}) => {
				const headers: IDataObject = { ...(patch.headers ?? {}), ...(extra.headers ?? {}) };
				const prefer = mergePrefer(requestData.options.headers?.Prefer, patch.headers?.Prefer, extra.headers?.Prefer);
				if (prefer) headers.Prefer = prefer;
				return await routingRequestParsed(this, requestData, nexusTransport, spec, {
					qs: { ...(patch.qs ?? {}), ...(extra.qs ?? {}) },
					body: patch.body,
					headers,
				});
			};
			const extract = (answer: unknown) => extractItems(spec, answer);
			let results: IDataObject[];
			if (spec.run) {
				results = await spec.run.call(this, requestData);
			} else if (spec.pagination === 'postgrest') {
				results = await readKeysetPages(toQueryPairs(patch.qs ?? {}), async (qs) => await send({ qs }), readLimit(this), extract);
			} else if (spec.pagePagination === 'edge') {
				results = await readEdgePages(async (qs) => await send({ qs }), readLimit(this), extract);
			} else {
				results = extract((await send()).body);
			}
			if (spec.transform) results = await spec.transform.call(this, results);
			return results;
		});
	};
}

/** The routing block of a Nexus operation: its request, and the executor that sends it. */
export function nexusRouting(
	request: { method: IHttpRequestMethods; url: string },
	spec: NexusRoutingSpec,
	send?: Omit<INodeRequestSend, 'paginate'>,
): INodePropertyRouting {
	assertDeclaredPathIds(request.url, spec.pathIds);
	return {
		request,
		send: { ...(send ?? {}), paginate: true },
		operations: { pagination: nexusExecutor(spec) },
		output: { postReceive: [parseAnswerPostReceive] },
	};
}
