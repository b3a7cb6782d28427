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

import type { NodeContext } from './context';
import { assertExactIdNumbers } from './exactIds';
import { parseAnswerPostReceive, pick, toItems, type ParsedAnswer } from './http';
import { itemsOrErrorItem } from './nodeErrors';
import { readLimit } from './operation';
import { assertDeclaredPathIds, assertPathIds, fillPathIds, hasPlaceholders, type PathId } from './pathPlaceholders';
import { requestParsed, routingRequestParsed, type CallSpec, type SendObserver, type ServiceTransport } from './request';

/**
 * The executor: what runs every operation of a service. Each service configures one with its
 * transport (credential, error mapping), its paging strategies and where its requests go; an
 * operation then declares its request and a spec. Before anything is sent it checks the path
 * ids, exact id numbers, the Limit and the operation's own checks; then it sends one request or
 * every page, retries, extracts the items, shapes them, and maps errors (or, with "Continue On
 * Fail", turns them into an item).
 */

/** What an operation's request adds to the request n8n built from its parameters. */
export interface RequestPatch {
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	headers?: IDataObject;
}

/** What a paging strategy is given to read a listing. */
export interface PageReader {
	/** Sends the operation's request with `patch` merged in; `observer` hears its 429s. */
	send(patch?: RequestPatch, observer?: SendObserver): Promise<ParsedAnswer>;
	/** The items of one answer's body, shaped by the operation's transform. */
	items(body: unknown): Promise<IDataObject[]>;
	/** At most this many items (undefined: all). */
	limit: number | undefined;
	pageSize: number;
	/** What the operation's own `request` added (a keyset reader starts from its query). */
	patch: RequestPatch;
	/** The operation's context (its parameters, e.g. how many pages may be asked for at once). */
	context: IExecuteSingleFunctions;
}

/** Reads every page of a listing (or up to `limit` items). */
export type PagingStrategy = (reader: PageReader) => Promise<IDataObject[]>;

type Validate = (this: IExecuteSingleFunctions) => Promise<void> | void;

interface Checks {
	/** Parameters used as ids in the path (every `{placeholder}` of the URL) or elsewhere, with their labels. */
	pathIds?: PathId[];
	/** The operation shows Return All / Limit and its answer comes in one piece: at most `max` (the API's maximum). */
	limit?: { max?: number };
	/** Checks before sending, run in order (throw NodeOperationError to stop with nothing sent). */
	validate?: Validate | Validate[];
	/**
	 * Shapes the output items (Simplify, waiting for a job...). With `paging` it runs on each
	 * page as it arrives, so it must shape items one by one.
	 */
	transform?: (this: IExecuteSingleFunctions, items: IDataObject[]) => Promise<IDataObject[]> | IDataObject[];
}

/** A declarative operation: n8n builds its request from `routing.request` and the parameters. */
export type OperationSpec<Spec extends CallSpec, Style extends string> = Spec &
	Checks & {
		/** Where the results sit in the answer (`data`, `message.results`...). Absent: the answer is the result. */
		items?: string | ((answer: unknown) => unknown);
		/** A listing read page by page (honours Return All / Limit). */
		paging?: { style: Style; pageSize: number };
		/** Query, body or headers computed from the parameters. */
		request?: (this: IExecuteSingleFunctions) => Promise<RequestPatch> | RequestPatch;
	};

/** An operation made of several requests (or none declared): its `run` sends them through `executor.request`. */
export type ProgrammaticSpec<Spec extends CallSpec> = Spec &
	Checks & {
		run: (this: IExecuteSingleFunctions) => Promise<IDataObject[]>;
	};

export interface ServiceConfig<Spec extends CallSpec, Style extends string> {
	transport: ServiceTransport<Spec>;
	paging: Record<Style, PagingStrategy>;
	/** The base URL of programmatic requests (and a check of the credential run before any operation). */
	baseUrl(context: NodeContext): Promise<string>;
	/** Extra request options of programmatic requests (e.g. how arrays in the query are sent). */
	requestOptions?: { arrayFormat?: 'repeat'; ignoreHttpStatusErrors?: boolean; encoding?: 'text' | 'arraybuffer' };
	/** What an empty answer stands for (default: nothing, no item). */
	emptyBody?: IDataObject;
	/** Headers of the operation's request, its patch and a page's patch combined (default: later wins). */
	mergeHeaders?: (...headers: Array<IDataObject | undefined>) => IDataObject;
}

export interface Executor<Spec extends CallSpec, Style extends string> {
	/** The routing of a declarative operation. */
	routing(
		request: { method: IHttpRequestMethods; url: string },
		spec: OperationSpec<Spec, Style>,
		send?: Omit<INodeRequestSend, 'paginate'>,
	): INodePropertyRouting;
	/** The routing of an operation that makes its own requests: no URL is declared. */
	programmatic(spec: ProgrammaticSpec<Spec>): INodePropertyRouting;
	/** One request from code (load options, triggers, multi-step operations), answered parsed. */
	request(
		context: NodeContext,
		method: IHttpRequestMethods,
		url: string,
		spec: Spec,
		options?: RequestPatch,
	): Promise<ParsedAnswer>;
}

function merged(...headers: Array<IDataObject | undefined>): IDataObject {
	return Object.assign({}, ...headers.map((entry) => entry ?? {})) as IDataObject;
}

function extractItems(items: OperationSpec<CallSpec, string>['items'], answer: unknown): IDataObject[] {
	const selected = typeof items === 'function' ? items(answer) : pick(answer, items);
	return toItems(selected).map((item) => item.json);
}

export function createExecutor<Spec extends CallSpec, Style extends string>(
	service: ServiceConfig<Spec, Style>,
): Executor<Spec, Style> {
	const mergeHeaders = service.mergeHeaders ?? merged;

	/** The checks every operation makes before anything is sent; the Limit, when it has one. */
	async function check(context: IExecuteSingleFunctions, spec: Checks & { paging?: unknown }): Promise<number | undefined> {
		await service.baseUrl(context);
		assertPathIds(context, spec.pathIds);
		assertExactIdNumbers(context);
		const limit = spec.paging !== undefined || spec.limit !== undefined ? readLimit(context, spec.limit?.max) : undefined;
		for (const validate of [spec.validate ?? []].flat()) await validate.call(context);
		return limit;
	}

	async function shape(context: IExecuteSingleFunctions, spec: Checks, items: IDataObject[]): Promise<IDataObject[]> {
		return spec.transform ? await spec.transform.call(context, items) : items;
	}

	function operationExecutor(spec: OperationSpec<Spec, Style>) {
		return async function (
			this: IExecutePaginationFunctions,
			requestData: DeclarativeRestApiSettings.ResultOptions,
		): Promise<INodeExecutionData[]> {
			return await itemsOrErrorItem(this, async () => {
				const limit = await check(this, spec);
				const patch = spec.request ? await spec.request.call(this) : {};
				const send = async (extra: RequestPatch = {}, observer?: SendObserver) =>
					await routingRequestParsed(
						this,
						requestData,
						service.transport,
						spec,
						{
							qs: { ...(patch.qs ?? {}), ...(extra.qs ?? {}) },
							body: extra.body ?? patch.body,
							headers: mergeHeaders(requestData.options.headers, patch.headers, extra.headers),
						},
						observer,
					);
				const items = async (body: unknown) => await shape(this, spec, extractItems(spec.items, body));
				if (spec.paging) {
					const strategy = service.paging[spec.paging.style];
					return await strategy({ send, items, limit, pageSize: spec.paging.pageSize, patch, context: this });
				}
				const all = extractItems(spec.items, (await send())?.body ?? service.emptyBody);
				return await shape(this, spec, limit === undefined ? all : all.slice(0, limit));
			});
		};
	}

	return {
		routing(request, spec, send) {
			assertDeclaredPathIds(request.url, spec.pathIds);
			const preSend = [...(hasPlaceholders(request.url) ? [fillPathIds] : []), ...(send?.preSend ?? [])];
			return {
				request,
				// n8n's declarative engine runs code around a request only as a pagination function, and
				// calls it only when `paginate` is set: every operation sets it, paged or not.
				send: { ...(send ?? {}), preSend, paginate: true },
				operations: { pagination: operationExecutor(spec) },
				output: { postReceive: [parseAnswerPostReceive] },
			};
		},

		programmatic(spec) {
			return {
				// See `routing`: the pagination function is n8n's hook for running code.
				send: { paginate: true },
				operations: {
					async pagination(this: IExecutePaginationFunctions): Promise<INodeExecutionData[]> {
						return await itemsOrErrorItem(this, async () => {
							const limit = await check(this, spec);
							const all = await spec.run.call(this);
							return await shape(this, spec, limit === undefined ? all : all.slice(0, limit));
						});
					},
				},
			};
		},

		async request(context, method, url, spec, options = {}) {
			return await requestParsed(context, service.transport, spec, {
				...(service.requestOptions ?? {}),
				method,
				baseURL: await service.baseUrl(context),
				url,
				qs: options.qs,
				body: options.body,
				headers: options.headers,
			});
		},
	};
}

// The request machinery, its errors and the path-id checks, under the names they had here.
export {
	asTransportFailure,
	assertSafePath,
	requestParsed,
	retryPolicyOf,
	routingRequestParsed,
	sendWithRetries,
	timeoutOf,
	type CallSpec,
	type RequestContext,
	type SendObserver,
	type ServiceTransport,
} from './request';
export { asNodeError, itemsOrErrorItem, MAX_ERROR_DESCRIPTION_LENGTH, MAX_ERROR_MESSAGE_LENGTH, withBoundedText } from './nodeErrors';
export { assertDeclaredPathIds, assertPathIds, type PathId } from './pathPlaceholders';
export { readLimit } from './operation';
