import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeRequestSend,
	IN8nHttpFullResponse,
	INodePropertyRouting,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	describeThrown,
	HttpStatusFailure,
	NetworkFailure,
	parseAnswerPostReceive,
	parseFullResponse,
	pick,
	toItems,
	toRetryable,
	TruncatedBodyFailure,
	type ParsedAnswer,
} from '../../shared/http';
import { collectPages, type Page } from '../../shared/paging';
import { DEFAULT_RETRY_POLICY, RetryableFailure, withRetries, type RetryPolicy } from '../../shared/retry';

/**
 * The one transport of the Nex node and trigger: base URL and auth (from the credential),
 * exact-id JSON parsing, retries on 429 and on 502/503/504 for requests safe to repeat, pagination
 * in the three styles the API uses, and error messages that keep Nex's code and message and say
 * what to do.
 */

export const NEX_CREDENTIAL_TYPE = 'nexApi';

/** Requests ask for text so ids above 2^53 can be parsed exactly; status errors are mapped here. */
export const nexRequestDefaults = {
	baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
	headers: { Accept: 'application/json' },
	encoding: 'text' as const,
	json: false,
	ignoreHttpStatusErrors: true,
};

type AnyNexContext = Pick<IExecuteSingleFunctions, 'getNode' | 'helpers' | 'getNodeParameter'>;

export interface NexCallSpec {
	/** Scope the endpoint needs (named in the 403 message). */
	scope: string;
	/** Whether repeating the request after an ambiguous failure is harmless. */
	safeToRepeat: boolean;
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
	/** Where the array of results sits in the answer (`data`, `insights`, `message.results`...). Absent: the answer is one item. */
	items?: string | ((answer: unknown) => unknown);
	/** Listing style; with it the operation honours the `returnAll` and `limit` parameters. */
	pagination?: NexPagination;
	/** Single-request listings that accept `limit` without paging (insights, notifications). */
	limitOnly?: { queryName: string };
	/** Parameters that are ids placed in the path: must be non-empty and contain no '/'. */
	pathIds?: Array<{ parameter: string; label: string }>;
	/** Shapes each output item (e.g. Simplify), after paging. */
	transform?: (this: IExecuteSingleFunctions, items: IDataObject[]) => Promise<IDataObject[]>;
}

function nexUserError(context: AnyNexContext, spec: NexCallSpec, error: unknown, attempts?: number): Error {
	const node = context.getNode();
	const tries = attempts && attempts > 1 ? ` after ${attempts} attempts` : '';
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
		const description =
			advice[error.status] ??
			(error.status >= 500
				? `Nex had a server error${tries}; try again later. If it persists, contact Nex support with the code above.`
				: undefined);
		return new NodeApiError(
			node,
			{ code: (vendor.code as number) ?? error.status, message: vendorMessage } as never,
			{
				httpCode: String(error.status),
				message: `Nex API error ${error.status}: ${vendorMessage}`,
				description,
			},
		);
	}
	if (error instanceof TruncatedBodyFailure) {
		return new NodeApiError(node, { message: error.message } as never, {
			message: `Nex sent an incomplete answer${tries}`,
			description: 'The response body was cut off before its JSON ended, so no partial result is returned. Run the node again.',
		});
	}
	if (error instanceof NetworkFailure) {
		return new NodeApiError(node, { message: error.message, code: error.code } as never, {
			message: `Could not reach Nex${tries}: ${error.code}`,
			description:
				'The connection failed, was reset or timed out before a complete answer arrived, so no partial result is returned. Check the base URL in the credential and the timeout under Request Options.',
		});
	}
	if (error instanceof Error) return error;
	return new NodeOperationError(node, String(error));
}

function retryPolicyOf(context: AnyNexContext): RetryPolicy {
	const options = context.getNodeParameter('requestOptions', {}) as IDataObject;
	const maxRetries = typeof options.maxRetries === 'number' ? options.maxRetries : DEFAULT_RETRY_POLICY.maxRetries;
	return { ...DEFAULT_RETRY_POLICY, maxRetries };
}

/** A failure thrown by n8n's request helper itself (not an HTTP status: those are parsed). */
function asNetworkFailure(error: unknown): unknown {
	if (error instanceof HttpStatusFailure || error instanceof TruncatedBodyFailure || error instanceof RetryableFailure) {
		return error;
	}
	if (error instanceof NodeOperationError) return error;
	const { status, code, message } = describeThrown(error);
	if (status !== undefined) return new HttpStatusFailure(status, {}, { message }, message);
	return new NetworkFailure(code ?? 'ECONNRESET', message);
}

async function sendOnce<T>(context: AnyNexContext, spec: NexCallSpec, send: () => Promise<T>): Promise<T> {
	try {
		return await send();
	} catch (error) {
		throw toRetryable(asNetworkFailure(error), (failure) => nexUserError(context, spec, failure));
	}
}

/** Sends with the retry policy; on giving up, the error names the attempts made. */
async function sendWithRetries<T>(context: AnyNexContext, spec: NexCallSpec, send: () => Promise<T>): Promise<T> {
	let lastCause: unknown;
	return await withRetries(
		async () =>
			await sendOnce(context, spec, async () => {
				try {
					return await send();
				} catch (error) {
					lastCause = asNetworkFailure(error);
					throw error;
				}
			}),
		spec.safeToRepeat,
		retryPolicyOf(context),
		(_failure, attempts) => nexUserError(context, spec, lastCause, attempts),
	);
}

/**
 * Programmatic request for the trigger, load-options methods and follow-up polls.
 * Goes through n8n's `httpRequestWithAuthentication`, with the same parsing and retries.
 */
export async function nexApiRequest(
	this: AnyNexContext,
	method: IHttpRequestMethods,
	url: string,
	spec: NexCallSpec,
	options: { qs?: IDataObject; body?: IDataObject } = {},
): Promise<unknown> {
	const credentials = (await (this as IExecuteSingleFunctions).getCredentials(NEX_CREDENTIAL_TYPE)) as IDataObject;
	const request: IHttpRequestOptions = {
		method,
		baseURL: String(credentials.baseUrl ?? '').replace(/\/+$/, ''),
		url,
		qs: options.qs,
		body: options.body,
		headers: { Accept: 'application/json' },
		encoding: 'text',
		json: false,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	};
	const requestOptions = this.getNodeParameter('requestOptions', {}) as IDataObject;
	if (typeof requestOptions.timeout === 'number') request.timeout = requestOptions.timeout;
	return await sendWithRetries(this, spec, async () => {
		const response = (await this.helpers.httpRequestWithAuthentication.call(
			this as IExecuteSingleFunctions,
			NEX_CREDENTIAL_TYPE,
			{ ...request },
		)) as IN8nHttpFullResponse;
		return parseFullResponse(response);
	});
}

/** Checks path ids before anything is sent: empty, or containing '/', is a user error naming the field. */
export function assertPathIds(context: IExecuteSingleFunctions, ids: NexRoutingSpec['pathIds']): void {
	for (const { parameter, label } of ids ?? []) {
		const raw = context.getNodeParameter(parameter, undefined, { extractValue: true }) as unknown;
		const value = raw === undefined || raw === null ? '' : String(raw).trim();
		if (value === '') {
			throw new NodeOperationError(context.getNode(), `${label} is empty`, {
				description: `Enter the ${label} of the item to use (or an expression that gives it).`,
			});
		}
		if (value.includes('/') || value.includes('?') || value.includes('#')) {
			throw new NodeOperationError(context.getNode(), `${label} "${value}" is not a valid id`, {
				description: `${label} must not contain "/", "?" or "#": give the id alone, not a URL or a path.`,
			});
		}
	}
}

function readLimit(context: IExecuteSingleFunctions): number | undefined {
	const returnAll = context.getNodeParameter('returnAll', false) as boolean;
	if (returnAll) return undefined;
	return context.getNodeParameter('limit', 50) as number;
}

function extractItems(spec: NexRoutingSpec, answer: unknown): IDataObject[] {
	const selected = typeof spec.items === 'function' ? spec.items(answer) : pick(answer, spec.items);
	return toItems(selected).map((item) => item.json);
}

async function fetchPage(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	spec: NexRoutingSpec,
	patch: { qs?: IDataObject; body?: IDataObject },
): Promise<unknown> {
	const pageRequest: DeclarativeRestApiSettings.ResultOptions = {
		...requestData,
		options: {
			...requestData.options,
			qs: { ...(requestData.options.qs ?? {}), ...(patch.qs ?? {}) },
			body:
				patch.body !== undefined
					? { ...((requestData.options.body as IDataObject) ?? {}), ...patch.body }
					: requestData.options.body,
		},
	};
	const items = await sendWithRetries(context, spec, async () => await context.makeRoutingRequest(pageRequest));
	return (items[0]?.json as ParsedAnswer | undefined)?.body;
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
				const answer = (await fetchPage(context, requestData, spec, { qs })) as IDataObject;
				const next = answer?.has_next_page && answer.next_cursor ? { cursor: String(answer.next_cursor) } : undefined;
				return { items: extractItems(spec, answer), next };
			},
			limit,
		);
	}
	return await collectPages<number>(
		0,
		async (offset, wanted): Promise<Page<number>> => {
			const page = { limit: size(wanted), offset };
			const answer = (await fetchPage(
				context,
				requestData,
				spec,
				pagination.style === 'bodyOffset' ? { body: page } : { qs: page },
			)) as IDataObject;
			const items = extractItems(spec, answer);
			let next: number | undefined;
			if (pagination.style === 'bodyOffset') {
				const total = Number(answer?.total);
				next = offset + items.length < total ? offset + items.length : undefined;
			} else if (answer?.has_more) {
				next = typeof answer.next_offset === 'number' ? answer.next_offset : offset + items.length;
			}
			return { items, next };
		},
		limit,
	);
}

/**
 * The executor every Nex operation runs through (n8n calls it as the routing's pagination
 * function, which gives it `makeRoutingRequest`): input checks, then one request or all pages,
 * with retries and mapped errors. The request itself is still built by n8n's routing from the
 * operation's `routing.request` and the parameters' `routing.send`.
 */
export function nexExecutor(spec: NexRoutingSpec) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		try {
			assertPathIds(this, spec.pathIds);
			let results: IDataObject[];
			if (spec.pagination) {
				results = await paginate(this, requestData, spec, spec.pagination, readLimit(this));
			} else if (spec.limitOnly) {
				const limit = readLimit(this);
				const qs = limit === undefined ? {} : { [spec.limitOnly.queryName]: limit };
				const answer = await fetchPage(this, requestData, spec, { qs });
				results = extractItems(spec, answer);
				if (limit !== undefined) results = results.slice(0, limit);
			} else {
				const answer = await fetchPage(this, requestData, spec, {});
				results = extractItems(spec, answer);
			}
			if (spec.transform) results = await spec.transform.call(this, results);
			return results.map((json) => ({ json }));
		} catch (error) {
			if (this.continueOnFail()) {
				const failure = error as NodeApiError;
				return [
					{
						json: { error: failure.message, description: failure.description ?? null, httpCode: failure.httpCode ?? null },
					},
				];
			}
			throw error;
		}
	};
}

/** The routing block of a Nex operation: its request, and the executor that sends it. */
export function nexRouting(
	request: { method: IHttpRequestMethods; url: string },
	spec: NexRoutingSpec,
	send?: Omit<INodeRequestSend, 'paginate'>,
): INodePropertyRouting {
	return {
		request,
		send: { ...(send ?? {}), paginate: true },
		operations: { pagination: nexExecutor(spec) },
		output: { postReceive: [parseAnswerPostReceive] },
	};
}
