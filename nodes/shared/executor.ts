import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	describeThrown,
	HttpStatusFailure,
	LocalFailure,
	NetworkFailure,
	parseFullResponse,
	thrownStatusFailure,
	toRetryable,
	TruncatedBodyFailure,
	type ParsedAnswer,
} from './http';
import { keyExchangeFailureIn, withKeyExchangeSettings } from './keyExchange';
import { checkWholeNumber } from './numbers';
import { checkPathId, pathParametersOf, unsafePathSegment } from './pathIds';
import { quoteValue } from './quote';
import { DEFAULT_RETRY_POLICY, RetryableFailure, withRetries, type RetryPolicy } from './retry';

/**
 * The request machinery both services share; each service's transport supplies its
 * credential type and how a failure reads to the user (its vendor's error shape and advice).
 */

export type RequestContext = Pick<IExecuteSingleFunctions, 'getNode' | 'helpers' | 'getNodeParameter' | 'getCredentials'>;

export interface CallSpec {
	/** Whether repeating the request after an ambiguous failure (5xx, reset, cut body) is harmless. */
	safeToRepeat: boolean;
	/** Timeout (ms) when the node's Request Options set none; absent: n8n's default (5 minutes). */
	defaultTimeoutMs?: number;
}

export interface ServiceTransport<Spec extends CallSpec> {
	credentialType: string;
	/** The error the user sees for a failure; `attempts` > 1 when retries were made. */
	userError(context: RequestContext, spec: Spec, failure: unknown, attempts?: number): Error;
}

/** Max retries from the node's Request Options, if it has them. */
export function retryPolicyOf(context: RequestContext): RetryPolicy {
	let options: IDataObject = {};
	try {
		options = context.getNodeParameter('requestOptions', {}) as IDataObject;
	} catch {
		options = {};
	}
	const maxRetries = typeof options.maxRetries === 'number' ? options.maxRetries : DEFAULT_RETRY_POLICY.maxRetries;
	return { ...DEFAULT_RETRY_POLICY, maxRetries };
}

/** The node's Request Options timeout, else the call's default; undefined: none set. */
export function timeoutOf(context: RequestContext, spec: CallSpec): number | undefined {
	try {
		const options = context.getNodeParameter('requestOptions', {}) as IDataObject;
		if (typeof options.timeout === 'number') return options.timeout;
	} catch {
		// A context without Request Options keeps the default.
	}
	return spec.defaultTimeoutMs;
}

/** Normalises what n8n's request helper threw: an HTTP status it did not ignore, or a network failure. */
export function asTransportFailure(error: unknown): unknown {
	// A failed key exchange (n8n ran the credential's preAuthentication inside the request) was
	// already retried by the credential with this call's settings, or refused: final here.
	const exchangeFailure = keyExchangeFailureIn(error);
	if (exchangeFailure) return exchangeFailure;
	if (
		error instanceof HttpStatusFailure ||
		error instanceof TruncatedBodyFailure ||
		error instanceof RetryableFailure ||
		error instanceof LocalFailure ||
		error instanceof NodeOperationError
	) {
		return error;
	}
	const thrown = describeThrown(error);
	const { status, code, message } = thrown;
	// Statuses a request did not ignore (Nexus's 401, so n8n refreshes the JWT first) arrive thrown.
	if (status !== undefined && status >= 400) return thrownStatusFailure(status, thrown);
	// A status below 400 here means the headers arrived but the body did not (reset mid-body).
	if (status !== undefined) return new NetworkFailure(code ?? 'ECONNRESET', message);
	if (code !== undefined || NETWORK_MESSAGE.test(message)) return new NetworkFailure(code ?? 'ECONNRESET', message);
	// No status, no network code: nothing reached the service (e.g. the credential refused the
	// key). Retrying would only repeat the refusal, or burn a limited key exchange.
	return new LocalFailure(message);
}

const NETWORK_MESSAGE = /socket hang up|aborted|timeout|timed out|ECONN|EPIPE|network|closed/i;

/** Sends with the node's retry policy; on giving up, the error names the attempts made. */
export async function sendWithRetries<T, Spec extends CallSpec>(
	context: RequestContext,
	transport: ServiceTransport<Spec>,
	spec: Spec,
	send: () => Promise<T>,
): Promise<T> {
	let lastFailure: unknown;
	const policy = retryPolicyOf(context);
	// A key exchange n8n runs inside these requests (no token yet, or a 401) gets the same
	// timeout and Max Retries as the requests themselves.
	const exchangeSettings = { timeoutMs: timeoutOf(context, spec), maxRetries: policy.maxRetries };
	return await withKeyExchangeSettings(
		exchangeSettings,
		async () =>
			await withRetries(
				async () => {
					try {
						return await send();
					} catch (error) {
						lastFailure = asTransportFailure(error);
						throw toRetryable(lastFailure, (failure) => transport.userError(context, spec, failure));
					}
				},
				spec.safeToRepeat,
				policy,
				(_failure, attempts) => transport.userError(context, spec, lastFailure, attempts),
			),
	);
}

/** Programmatic request through `httpRequestWithAuthentication`, answered as exact-id JSON with headers. */
export async function requestParsed<Spec extends CallSpec>(
	context: RequestContext,
	transport: ServiceTransport<Spec>,
	spec: Spec,
	request: IHttpRequestOptions,
): Promise<ParsedAnswer> {
	const timeout = timeoutOf(context, spec);
	const prepared: IHttpRequestOptions = {
		...request,
		headers: { Accept: 'application/json', ...(request.headers ?? {}) },
		encoding: 'text',
		json: false,
		returnFullResponse: true,
		...(timeout !== undefined ? { timeout } : {}),
	};
	if (prepared.ignoreHttpStatusErrors === undefined) prepared.ignoreHttpStatusErrors = true;
	assertSafePath(context, prepared.url);
	return await sendWithRetries(context, transport, spec, async () => {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context as IExecuteSingleFunctions,
			transport.credentialType,
			{ ...prepared, headers: { ...(prepared.headers ?? {}) } },
		)) as IN8nHttpFullResponse;
		const body = parseFullResponse(response);
		return {
			statusCode: response.statusCode,
			headers: (response.headers ?? {}) as IDataObject,
			body: (body ?? null) as ParsedAnswer['body'],
		};
	});
}

/** One routed request (the operation's request with `patch` merged in), with retries. */
export async function routingRequestParsed<Spec extends CallSpec>(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	transport: ServiceTransport<Spec>,
	spec: Spec,
	patch: { qs?: IDataObject; body?: unknown; headers?: IDataObject } = {},
): Promise<ParsedAnswer> {
	const current = requestData.options;
	const pageRequest: DeclarativeRestApiSettings.ResultOptions = {
		...requestData,
		options: {
			...current,
			qs: { ...(current.qs ?? {}), ...(patch.qs ?? {}) },
			headers: { ...(current.headers ?? {}), ...(patch.headers ?? {}) },
			body:
				patch.body === undefined
					? current.body
					: Array.isArray(patch.body)
						? patch.body
						: { ...((current.body as IDataObject) ?? {}), ...(patch.body as IDataObject) },
		},
	};
	assertSafePath(context, pageRequest.options.url);
	const items = await sendWithRetries(context, transport, spec, async () => await context.makeRoutingRequest(pageRequest));
	return items[0]?.json as ParsedAnswer;
}

/** Checks ids placed in a URL path before anything is sent (see `pathIds.ts`): an error naming the field. */
export function assertPathIds(context: IExecuteSingleFunctions, ids: PathId[] | undefined): void {
	for (const { parameter, label, check } of ids ?? []) {
		// A more specific rule of the field (a table name, a UUID) speaks first, with its own message.
		if (check) check.call(context);
		checkPathId(context.getNode(), context.getNodeParameter(parameter, undefined, { extractValue: true }) as unknown, label);
	}
}

/** A parameter whose value goes into the URL path, and its name in the editor. */
export interface PathId {
	parameter: string;
	label: string;
	/** The field's own stricter check, run first (throws a NodeOperationError naming the field). */
	check?: (this: IExecuteSingleFunctions) => unknown;
}

/**
 * For the routing factories: every parameter the URL takes its path from must be declared as a
 * path id (so `assertPathIds` checks it). An operation that forgets one fails when the node loads,
 * in every test, instead of sending `..` one day.
 */
export function assertDeclaredPathIds(url: string, ids: PathId[] | undefined): void {
	const declared = new Set((ids ?? []).map((id) => id.parameter));
	const missing = pathParametersOf(url).filter((parameter) => !declared.has(parameter));
	if (missing.length > 0) {
		throw new Error(`The URL ${url} takes ${missing.join(', ')} from parameters not declared in pathIds`);
	}
}

/** Refuses a request whose path holds a dot segment or a hidden break, however it was built; nothing is sent. */
export function assertSafePath(context: Pick<RequestContext, 'getNode'>, url: string | undefined): void {
	const segment = unsafePathSegment(url ?? '');
	if (segment === undefined) return;
	throw new NodeOperationError(context.getNode(), `The request path has an unsafe segment ${quoteValue(segment)}`, {
		description:
			'A value placed in the URL is made of dots only or holds "/", "\\", ";" or a control character, and would reach a different resource. Nothing was sent. Check the ids entered in the node.',
	});
}

/**
 * `undefined` when Return All is on, else the Limit parameter: a whole number from 1 to `max`
 * (the API's maximum, for listings sent as one request), or an error naming Limit.
 */
export function readLimit(context: Pick<IExecuteSingleFunctions, 'getNode' | 'getNodeParameter'>, max?: number): number | undefined {
	const returnAll = context.getNodeParameter('returnAll', false) as boolean;
	if (returnAll) return undefined;
	return checkWholeNumber(context.getNode(), context.getNodeParameter('limit', 50) as unknown, 'Limit', 1, max);
}

/**
 * Errors reach n8n as NodeApiError or NodeOperationError (transports build those); anything else is
 * wrapped by its message and description only: an HTTP client's error carries its request
 * (headers with the credential) and must not travel on as the cause.
 */
export function asNodeError(context: RequestContext, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return withBoundedText(error);
	if (!(error instanceof Error)) return withBoundedText(new NodeOperationError(context.getNode(), String(error)));
	const description = (error as Error & { description?: unknown }).description;
	return withBoundedText(
		new NodeOperationError(context.getNode(), error.message, typeof description === 'string' ? { description } : {}),
	);
}

/** Longest message and description an error keeps; the checks quote values short, this bounds whatever else. */
export const MAX_ERROR_MESSAGE_LENGTH = 1000;
export const MAX_ERROR_DESCRIPTION_LENGTH = 4000;

function bounded(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/**
 * An error is stored with the execution and shown in a toast: whatever value a message quotes
 * (a megabyte pasted into a field, a huge answer), it stays short.
 */
export function withBoundedText<T extends NodeApiError | NodeOperationError>(error: T): T {
	error.message = bounded(error.message, MAX_ERROR_MESSAGE_LENGTH);
	if (typeof error.description === 'string') error.description = bounded(error.description, MAX_ERROR_DESCRIPTION_LENGTH);
	return error;
}

/** With "Continue On Fail", the error becomes an output item instead of stopping the workflow. */
export async function itemsOrErrorItem(
	context: IExecuteSingleFunctions,
	run: () => Promise<IDataObject[]>,
): Promise<INodeExecutionData[]> {
	// Every output item names the input item it came from, so `$('Node').item` works downstream
	// when one input item yields several (or no) output items.
	const item = context.getItemIndex();
	try {
		return (await run()).map((json) => ({ json, pairedItem: { item } }));
	} catch (error) {
		const failure = asNodeError(context, error);
		if (!context.continueOnFail()) throw failure;
		return [
			{
				json: {
					error: failure.message,
					description: failure.description ?? null,
					httpCode: (failure as NodeApiError).httpCode ?? null,
				},
				pairedItem: { item },
			},
		];
	}
}
