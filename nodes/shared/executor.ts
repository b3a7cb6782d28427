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
	const items = await sendWithRetries(context, transport, spec, async () => await context.makeRoutingRequest(pageRequest));
	return items[0]?.json as ParsedAnswer;
}

/** Checks ids placed in a URL path before anything is sent: empty or containing '/' is a user error naming the field. */
export function assertPathIds(context: IExecuteSingleFunctions, ids: Array<{ parameter: string; label: string }> | undefined): void {
	for (const { parameter, label } of ids ?? []) {
		const raw = context.getNodeParameter(parameter, undefined, { extractValue: true }) as unknown;
		const value = raw === undefined || raw === null ? '' : String(raw).trim();
		if (value === '') {
			throw new NodeOperationError(context.getNode(), `${label} is empty`, {
				description: `Enter the ${label} of the item to use (or an expression that gives it).`,
			});
		}
		if (/[/?#]/.test(value)) {
			throw new NodeOperationError(context.getNode(), `${label} "${value}" is not a valid id`, {
				description: `${label} must not contain "/", "?" or "#": give the id alone, not a URL or a path.`,
			});
		}
	}
}

/** `undefined` when Return All is on, else the Limit parameter. */
export function readLimit(context: IExecuteSingleFunctions, defaultLimit = 50): number | undefined {
	const returnAll = context.getNodeParameter('returnAll', false) as boolean;
	if (returnAll) return undefined;
	return context.getNodeParameter('limit', defaultLimit) as number;
}

/**
 * Errors reach n8n as NodeApiError or NodeOperationError (transports build those); anything else is
 * wrapped by its message and description only: an HTTP client's error carries its request
 * (headers with the credential) and must not travel on as the cause.
 */
export function asNodeError(context: RequestContext, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (!(error instanceof Error)) return new NodeOperationError(context.getNode(), String(error));
	const description = (error as Error & { description?: unknown }).description;
	return new NodeOperationError(context.getNode(), error.message, typeof description === 'string' ? { description } : {});
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
