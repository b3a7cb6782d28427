import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { NodeContext, NodeRef } from './context';
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
import { keyExchangeFailureIn, keyExchangeWaitExpiredIn, registerKeyExchangeSettings, type KeyExchangeFailure } from './keyExchange';
import { unsafePathSegment } from './pathIds';
import { quoteValue } from './quote';
import type { Pacer } from './pacing';
import { DEFAULT_RETRY_POLICY, RetryableFailure, withRetries, type RetryPolicy } from './retry';

/**
 * The request machinery both services share; each service's transport supplies its
 * credential type and how a failure reads to the user (its vendor's error shape and advice).
 */

/** The context every request is made with (see `context.ts`). */
export type RequestContext = NodeContext;

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
	/** The fingerprint of a credential whose preAuthentication exchanges a key, for its settings registry. */
	keyExchangeFingerprint?(context: RequestContext): Promise<string | undefined>;
	/** Client-side pacing of the service's rate limit (see `pacing.ts`): each attempt takes a token. */
	pacer?(context: RequestContext): Promise<Pacer | undefined>;
}

/** Hears about a request's 429s (Retry-After in ms when given) before it waits and retries. */
export interface SendObserver {
	rateLimited?(retryAfterMs: number | undefined): void;
}

/** The node's Request Options (empty when it has none). */
export function requestOptionsOf(context: RequestContext): IDataObject {
	try {
		return context.getNodeParameter('requestOptions', {}) as IDataObject;
	} catch {
		return {};
	}
}

/** Max retries from the node's Request Options, if it has them. */
export function retryPolicyOf(context: RequestContext): RetryPolicy {
	const options = requestOptionsOf(context);
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

/** A failure the server certainly did not act on (nothing written): repeatable for any request. */
function notActedOn(userError: Error): RetryableFailure {
	return new RetryableFailure('network', userError, undefined, true);
}

/** Sends with the node's retry policy; on giving up, the error names the attempts made. */
export async function sendWithRetries<T, Spec extends CallSpec>(
	context: RequestContext,
	transport: ServiceTransport<Spec>,
	spec: Spec,
	send: () => Promise<T>,
	observer: SendObserver = {},
): Promise<T> {
	let lastFailure: unknown;
	const pacer = await transport.pacer?.(context);
	// The error of a key exchange that stalled for this request, once the attempts are counted.
	let stalledExchange: ((attempts: number) => KeyExchangeFailure) | undefined;
	const policy = retryPolicyOf(context);
	// A key exchange n8n runs inside these requests (no token yet, or a 401) gets the same
	// timeout and Max Retries as the requests themselves, through the credential's registry.
	const fingerprint = await transport.keyExchangeFingerprint?.(context);
	const registration = fingerprint
		? registerKeyExchangeSettings(fingerprint, { timeoutMs: timeoutOf(context, spec), maxRetries: policy.maxRetries })
		: undefined;
	const attempt = async (): Promise<T> => {
		registration?.begin();
		for (;;) {
			const release = await pacer?.take();
			try {
				return await send();
			} catch (error) {
				const expired = keyExchangeWaitExpiredIn(error);
				// A shared exchange wait ran out at another request's budget: this request was not
				// sent or got a 401 the server did not act on, so it is sent again at once.
				if (expired && registration && registration.expiredAfterMs === undefined) continue;
				registration?.pause();
				if (expired) {
					// Its own budget ran out: a stalled exchange, retried up to Max Retries.
					const timeoutMs = registration?.expiredAfterMs ?? expired.waitedMs;
					stalledExchange = (attempts) => expired.stalled(timeoutMs, attempts);
					lastFailure = stalledExchange(1);
					throw notActedOn(transport.userError(context, spec, lastFailure));
				}
				stalledExchange = undefined;
				lastFailure = asTransportFailure(error);
				const failure = toRetryable(lastFailure, (thrown) => transport.userError(context, spec, thrown));
				if (failure instanceof RetryableFailure && failure.kind === 'rate-limited') {
					pacer?.hold(failure.retryAfterMs);
					observer.rateLimited?.(failure.retryAfterMs);
				}
				throw failure;
			} finally {
				release?.();
			}
		}
	};
	try {
		return await withRetries(attempt, spec.safeToRepeat, policy, (_failure, attempts) =>
			transport.userError(context, spec, stalledExchange ? stalledExchange(attempts) : lastFailure, attempts),
		);
	} finally {
		registration?.release();
	}
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
		encoding: request.encoding ?? 'text',
		json: false,
		returnFullResponse: true,
		...(timeout !== undefined ? { timeout } : {}),
	};
	if (prepared.ignoreHttpStatusErrors === undefined) prepared.ignoreHttpStatusErrors = true;
	assertSafePath(context, prepared.url);
	return await sendWithRetries(context, transport, spec, async () => {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
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
	observer?: SendObserver,
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
	const items = await sendWithRetries(context, transport, spec, async () => await context.makeRoutingRequest(pageRequest), observer);
	return items[0]?.json as ParsedAnswer;
}

/** Refuses a request whose path holds a dot segment or a hidden break, however it was built; nothing is sent. */
export function assertSafePath(context: NodeRef, url: string | undefined): void {
	const segment = unsafePathSegment(url ?? '');
	if (segment === undefined) return;
	throw new NodeOperationError(context.getNode(), `The request path has an unsafe segment ${quoteValue(segment)}`, {
		description:
			'A value placed in the URL is made of dots only or holds "/", "\\", ";" or a control character, and would reach a different resource. Nothing was sent. Check the ids entered in the node.',
	});
}

