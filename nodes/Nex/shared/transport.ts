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
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	assertDeclaredPathIds,
	assertPathIds,
	itemsOrErrorItem,
	readLimit,
	requestParsed,
	routingRequestParsed,
	type CallSpec,
	type PathId,
	type RequestContext,
	type ServiceTransport,
} from '../../shared/executor';
import {
	HttpStatusFailure,
	LocalFailure,
	parseAnswerPostReceive,
	pick,
	toItems,
} from '../../shared/http';
import { assertExactIdNumbers } from '../../shared/exactIds';
import { attemptsText, serverErrorText, transportFailureError } from '../../shared/failureAdvice';
import { nexHeadline, pathIdValues } from './errorHeadline';
import { collectPages, type Page } from '../../shared/paging';

/**
 * The one transport of the Nex node and trigger: base URL and Bearer auth from the credential,
 * exact-id JSON, retries (429 always; 502/503/504 and dropped connections when safe to repeat),
 * the API's three pagination styles, and errors that keep Nex's code and message and say what to do.
 */

export const NEX_CREDENTIAL_TYPE = 'nexApi';

/** Requests ask for text so ids above 2^53 are parsed exactly; statuses are mapped by the transport. */
export const nexRequestDefaults = {
	baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
	headers: { Accept: 'application/json' },
	encoding: 'text' as const,
	json: false,
	ignoreHttpStatusErrors: true,
};

export interface NexCallSpec extends CallSpec {
	/** Scope the endpoint needs (named in the 403 message). */
	scope: string;
	/** What a 404 means, e.g. "record". */
	notFound?: string;
}

export type NexPagination =
	/** POST body `{limit, offset}` → `{data, total, limit, offset}` (records, list records). */
	| { style: 'bodyOffset'; pageSize: number }
	/** `?limit&offset` → `{data, has_more, total, next_offset}` (tasks). */
	| { style: 'queryOffset'; pageSize: number }
	/** `?limit&cursor` → `{data, has_next_page, next_cursor}` (timeline). */
	| { style: 'cursor'; pageSize: number };

export interface NexRoutingSpec extends NexCallSpec {
	/** Where the results sit in the answer (`data`, `insights`, `message.results`...). Absent: the answer is one item. */
	items?: string | ((answer: unknown) => unknown);
	/** Listing style; with it the operation honours the `returnAll` and `limit` parameters. */
	pagination?: NexPagination;
	/**
	 * Listings Nex answers in one piece (notes, integrations, rules, object types, lists): the Limit
	 * is checked before sending, like every Limit, and the first Limit items are kept.
	 */
	localLimit?: true;
	/** Parameters used as ids in the path, with their names in the editor: checked by `assertPathIds` before anything is sent; every parameter the URL reads must be here. */
	pathIds?: PathId[];
	/** Checks or reshapes before sending (throw NodeOperationError to stop with nothing sent). */
	validate?: (this: IExecuteSingleFunctions) => Promise<void> | void;
	/**
	 * Shapes the output items (Simplify, waiting for a job...). With `pagination` it runs on each
	 * page as it arrives, so it must shape items one by one (the full records of a page are then
	 * garbage before the next page, instead of all of them living beside their simplified copies).
	 */
	transform?: (this: IExecuteSingleFunctions, items: IDataObject[]) => Promise<IDataObject[]>;
}

function nexUserError(context: RequestContext, spec: NexCallSpec, error: unknown, attempts?: number): Error {
	const node = context.getNode();
	const tries = attemptsText(attempts);
	if (error instanceof HttpStatusFailure) {
		const vendor = (error.body && typeof error.body === 'object' ? error.body : {}) as IDataObject;
		const vendorMessage =
			typeof vendor.message === 'string' ? vendor.message : error.bodyText.slice(0, 300) || `HTTP ${error.status}`;
		const advice: Record<number, string> = {
			400: 'Nex rejected the request as invalid: check the fields named in the message.',
			401: 'The API key is invalid or revoked: check the API key in the Nex API credential.',
			403: `The API key lacks the "${spec.scope}" scope this operation needs: create a key with ${spec.scope} in Nex (Settings → API Keys) and update the credential.`,
			404: `The ${spec.notFound ?? 'requested item'} was not found: check the id, and that it belongs to this workspace.`,
			410: 'The connection attempt expired (connect ids are valid for 10 minutes): start the connection again.',
			429: `Nex is rate limiting this key${tries}: wait a minute, lower the batch size, or raise "Max Retries" under Request Options.`,
		};
		const description = advice[error.status] ?? (error.status >= 500 ? serverErrorText('Nex', spec.safeToRepeat, tries) : undefined);
		// A routing spec names the ids in its path: they make the headline of a 404 ("No record with id …").
		const pathIds = 'pathIds' in spec ? (spec as NexRoutingSpec).pathIds : undefined;
		const headline = nexHeadline(error.status, typeof vendor.message === 'string' ? vendor.message : '', spec, pathIdValues(context, pathIds));
		return new NodeApiError(node, { code: (vendor.code as number) ?? error.status, message: vendorMessage } as never, {
			httpCode: String(error.status),
			message: headline,
			// The status and Nex's own text lead the details.
			description: [`Nex API error ${error.status}: ${vendorMessage}`, description].filter(Boolean).join('\n'),
		});
	}
	const transportError = transportFailureError(node, 'Nex', error, spec.safeToRepeat, tries);
	if (transportError) return transportError;
	if (error instanceof LocalFailure) {
		return new NodeOperationError(node, error.message, {
			description: 'No request reached Nex. Check the Nex API credential (API key and base URL).',
		});
	}
	if (error instanceof Error) return error;
	return new NodeOperationError(node, String(error));
}

export const nexTransport: ServiceTransport<NexCallSpec> = {
	credentialType: NEX_CREDENTIAL_TYPE,
	userError: nexUserError,
};

/**
 * Programmatic request (trigger, load-options, polling a job) through n8n's
 * `httpRequestWithAuthentication`, with the same parsing, retries and errors as the node.
 */
export async function nexApiRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	url: string,
	spec: NexCallSpec,
	options: { qs?: IDataObject; body?: IDataObject } = {},
): Promise<unknown> {
	const credentials = await this.getCredentials(NEX_CREDENTIAL_TYPE);
	const answer = await requestParsed(this, nexTransport, spec, {
		method,
		baseURL: String(credentials.baseUrl ?? '').replace(/\/+$/, ''),
		url,
		qs: options.qs,
		body: options.body,
	});
	return answer.body;
}

function extractItems(spec: NexRoutingSpec, answer: unknown): IDataObject[] {
	const selected = typeof spec.items === 'function' ? spec.items(answer) : pick(answer, spec.items);
	return toItems(selected).map((item) => item.json);
}

/** A page's items, shaped by the operation's transform. */
async function pageItems(context: IExecutePaginationFunctions, spec: NexRoutingSpec, answer: unknown): Promise<IDataObject[]> {
	const items = extractItems(spec, answer);
	return spec.transform ? await spec.transform.call(context, items) : items;
}

async function fetchBody(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	spec: NexRoutingSpec,
	patch: { qs?: IDataObject; body?: IDataObject } = {},
): Promise<IDataObject> {
	const answer = await routingRequestParsed(context, requestData, nexTransport, spec, patch);
	return (answer?.body ?? {}) as IDataObject;
}

/** Reads every page (or up to `limit` items) in the operation's pagination style. */
async function paginate(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	spec: NexRoutingSpec,
	pagination: NexPagination,
	limit: number | undefined,
): Promise<IDataObject[]> {
	const size = (wanted: number) => Math.max(1, Math.min(pagination.pageSize, wanted));
	if (pagination.style === 'cursor') {
		return await collectPages<{ cursor?: string }>(
			{},
			async (state, wanted): Promise<Page<{ cursor?: string }>> => {
				const qs: IDataObject = { limit: size(wanted) };
				if (state.cursor) qs.cursor = state.cursor;
				const answer = await fetchBody(context, requestData, spec, { qs });
				const next = answer.has_next_page && answer.next_cursor ? { cursor: String(answer.next_cursor) } : undefined;
				return { items: await pageItems(context, spec, answer), next };
			},
			limit,
		);
	}
	return await collectPages<number>(
		0,
		async (offset, wanted): Promise<Page<number>> => {
			const page = { limit: size(wanted), offset };
			const answer = await fetchBody(
				context,
				requestData,
				spec,
				pagination.style === 'bodyOffset' ? { body: page } : { qs: page },
			);
			const items = await pageItems(context, spec, answer);
			let next: number | undefined;
			if (pagination.style === 'bodyOffset') {
				// Without a usable total, a full page means there may be more: ask for the next one.
				const total = Number(answer.total);
				const more = Number.isFinite(total) ? offset + items.length < total : items.length >= page.limit;
				next = more ? offset + items.length : undefined;
			} else if (answer.has_more) {
				next = typeof answer.next_offset === 'number' ? answer.next_offset : offset + items.length;
			}
			return { items, next };
		},
		limit,
	);
}

/**
 * The executor every Nex operation runs through. n8n calls it as the routing's pagination
 * function, which hands it `makeRoutingRequest`: the request itself is still built by n8n's
 * routing from `routing.request` and the parameters' `routing.send`. It checks inputs (nothing
 * is sent when they are wrong), sends one request or every page, retries, and maps errors.
 */
export function nexExecutor(spec: NexRoutingSpec) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		return await itemsOrErrorItem(this, async () => {
			assertPathIds(this, spec.pathIds);
			assertExactIdNumbers(this);
			const localLimit = spec.localLimit ? readLimit(this) : undefined;
			if (spec.validate) await spec.validate.call(this);
			let results: IDataObject[];
			if (spec.pagination) {
				// Each page went through the transform already.
				return await paginate(this, requestData, spec, spec.pagination, readLimit(this));
			} else {
				results = extractItems(spec, await fetchBody(this, requestData, spec));
			}
			if (localLimit !== undefined) results = results.slice(0, localLimit);
			if (spec.transform) results = await spec.transform.call(this, results);
			return results;
		});
	};
}

/** The routing block of a Nex operation: its request, and the executor that sends it. */
export function nexRouting(
	request: { method: IHttpRequestMethods; url: string },
	spec: NexRoutingSpec,
	send?: Omit<INodeRequestSend, 'paginate'>,
): INodePropertyRouting {
	assertDeclaredPathIds(request.url, spec.pathIds);
	return {
		request,
		send: { ...(send ?? {}), paginate: true },
		operations: { pagination: nexExecutor(spec) },
		output: { postReceive: [parseAnswerPostReceive] },
	};
}
