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

import { NEXUS_API_KEY_PATTERN, NEXUS_KEY_MALFORMED_MESSAGE } from '../../../credentials/NexusApi.credentials';
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
	type ParsedAnswer,
} from '../../shared/http';
import { assertExactIdNumbers } from '../../shared/exactIds';
import { attemptsText, transportFailureError } from '../../shared/failureAdvice';
import { adviceFor, headlineFor } from './errorAdvice';
import { KeyExchangeFailure } from '../../shared/keyExchange';
import { readEdgePages } from './edgePages';
import { readKeysetPages } from './keyset';
import { toQueryPairs } from './queryPairs';

/**
 * The one transport of the Nexus node and trigger: base URL, the anon key and the agent JWT from
 * the credential (n8n exchanges the agent API key in the credential's `preAuthentication` and,
 * on a 401, exchanges it again and retries once), exact-id JSON, retries (429 always, honouring
 * Retry-After; 502/503/504 and dropped connections when safe to repeat), PostgREST paging, and
 * errors that keep PostgREST's `code`/`message`/`details`/`hint` (or an edge function's
 * `error`/`message`) and say what to do.
 */

export const NEXUS_CREDENTIAL_TYPE = 'nexusApi';

export { NEXUS_MAX_PAGE_SIZE } from './pageSize';

/**
 * Requests ask for text so ids are parsed exactly. Every status except 401 is answered to the
 * transport, which maps it; a 401 must throw so n8n runs the credential's preAuthentication
 * (a fresh JWT) and retries the request once.
 */
export const nexusRequestDefaults = {
	baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
	headers: { Accept: 'application/json' },
	encoding: 'text' as const,
	json: false,
	// Repeated query keys (`total_amount=gte.1&total_amount=lte.9`) are sent as PostgREST expects.
	arrayFormat: 'repeat' as const,
	// Statuses are thrown (not ignored) so a 401 makes n8n exchange the key and retry once; the
	// transport reads the vendor's body from the thrown error. `{ignore, except}` would do the same
	// on n8n 2.x only: n8n 1.x treats any object as "ignore every status".
	ignoreHttpStatusErrors: false,
};

export interface NexusCallSpec extends CallSpec {
	/** What the request reads or writes, for messages: "order", "table \"orders\"", "start picking". */
	what?: string;
	/** The request writes: a 403 then explains the write scope and the read-only free plan. */
	writes?: boolean;
	/** The parameter holding the id of the one row the request is about, for "No order with id …". */
	idParameter?: string;
}

export { NEXUS_KEY_MALFORMED_MESSAGE };

function nexusUserError(context: RequestContext, spec: NexusCallSpec, error: unknown, attempts?: number): Error {
	const node = context.getNode();
	const tries = attemptsText(attempts);
	if (error instanceof HttpStatusFailure) {
		const vendor = (error.body && typeof error.body === 'object' && !Array.isArray(error.body) ? error.body : {}) as IDataObject;
		// PostgREST: {code, message, details, hint}; edge functions: {error, message}.
		const code =
			typeof vendor.code === 'string' || typeof vendor.code === 'number'
				? String(vendor.code)
				: typeof vendor.error === 'string'
					? vendor.error
					: undefined;
		const vendorMessage =
			typeof vendor.message === 'string' && vendor.message !== ''
				? vendor.message
				: typeof vendor.error === 'string'
					? vendor.error
					: error.bodyText.slice(0, 300) || `HTTP ${error.status}`;
		const advice = adviceFor(error.status, code, spec, tries);
		const details = typeof vendor.details === 'string' ? vendor.details : undefined;
		const headline = headlineFor(error.status, code, vendorMessage, spec, { id: idOf(context, spec), details });
		// The vendor's code and text lead the details; the headline says what happened.
		const lines = [`Nexus API error ${error.status}${code ? ` (${code})` : ''}: ${vendorMessage}`, advice];
		if (typeof vendor.details === 'string' && vendor.details !== '') lines.push(`Details: ${vendor.details}`);
		if (typeof vendor.hint === 'string' && vendor.hint !== '') lines.push(`Hint: ${vendor.hint}`);
		const vendorFields: IDataObject = { status: error.status };
		for (const key of ['code', 'error', 'message', 'details', 'hint']) {
			if (vendor[key] !== undefined) vendorFields[key] = vendor[key];
		}
		const apiError = new NodeApiError(node, { ...vendorFields } as never, {
			httpCode: String(error.status),
			message: headline,
			description: lines.filter(Boolean).join('\n'),
		});
		apiError.context.nexus = vendorFields;
		return apiError;
	}
	if (error instanceof KeyExchangeFailure) {
		return new NodeOperationError(node, error.message, { description: error.description });
	}
	const transportError = transportFailureError(node, 'Nexus', error, spec.safeToRepeat, tries);
	if (transportError) return transportError;
	if (error instanceof LocalFailure) {
		return new NodeOperationError(node, error.message, {
			description:
				"No request reached Nexus's data. Check the Nexus API credential: the agent API key (it may be revoked or expired), the anon key and the base URL.",
		});
	}
	if (error instanceof Error) return error;
	return new NodeOperationError(node, String(error));
}

/** The id the request is about, as the user gave it; undefined when unreadable. */
function idOf(context: RequestContext, spec: NexusCallSpec): string | undefined {
	if (!spec.idParameter) return undefined;
	try {
		const value = context.getNodeParameter(spec.idParameter, '', { extractValue: true }) as unknown;
		return typeof value === 'string' || typeof value === 'number' ? String(value).trim() || undefined : undefined;
	} catch {
		return undefined;
	}
}

export const nexusTransport: ServiceTransport<NexusCallSpec> = {
	credentialType: NEXUS_CREDENTIAL_TYPE,
	userError: nexusUserError,
};

/**
 * Reads the credential and checks the agent key's shape before anything is sent, so a malformed
 * key fails with a clear message instead of reaching agent-auth (limited to 10 attempts a minute).
 */
export async function nexusBaseUrl(context: RequestContext): Promise<string> {
	const credentials = await context.getCredentials(NEXUS_CREDENTIAL_TYPE);
	const apiKey = String(credentials.apiKey ?? '').trim();
	if (!NEXUS_API_KEY_PATTERN.test(apiKey)) {
		throw new NodeOperationError(context.getNode(), NEXUS_KEY_MALFORMED_MESSAGE, {
			description: 'Open the Nexus API credential and paste the agent API key again.',
		});
	}
	return String(credentials.baseUrl ?? '').replace(/\/+$/, '');
}


/**
 * Load-options, poll and trigger contexts have the same request helpers and credentials as an
 * operation's context; their `getNodeParameter` is typed differently, which the transport does
 * not rely on beyond reading Request Options.
 */
export function asRequestContext(context: Pick<RequestContext, 'getNode' | 'getCredentials'> & { helpers: unknown; getNodeParameter: unknown }): RequestContext {
	return context as unknown as RequestContext;
}

export interface NexusRequestOptions {
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	headers?: IDataObject;
}

/**
 * Programmatic request (trigger, load options, multi-step operations) through n8n's
 * `httpRequestWithAuthentication`, with the node's parsing, retries and errors.
 * `path` starts with `/rest/v1/` or `/functions/v1/`. Query values that are arrays are sent as
 * repeated keys.
 */
export async function nexusApiRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	spec: NexusCallSpec,
	options: NexusRequestOptions = {},
): Promise<ParsedAnswer> {
	const baseURL = await nexusBaseUrl(this);
	return await requestParsed(this, nexusTransport, spec, {
		method,
		baseURL,
		url: path,
		qs: options.qs,
		body: options.body,
		headers: options.headers,
		arrayFormat: 'repeat',
		ignoreHttpStatusErrors: false,
	});
}

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

/** `Prefer` header values merged (`return=representation, count=exact`). */
export function mergePrefer(...values: Array<unknown>): string | undefined {
	const parts: string[] = [];
	for (const value of values) {
		if (typeof value !== 'string') continue;
		for (const part of value.split(',')) {
			const trimmed = part.trim();
			if (trimmed !== '' && !parts.includes(trimmed)) parts.push(trimmed);
		}
	}
	return parts.length ? parts.join(', ') : undefined;
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
