import type { IDataObject, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { parseJsonKeepingIds } from './losslessJson';
import { classifyStatus, parseRetryAfter, RetryableFailure } from './retry';

/** A non-2xx answer, with the vendor's body kept for the error message. */
export class HttpStatusFailure extends Error {
	constructor(
		readonly status: number,
		readonly headers: Record<string, unknown>,
		readonly body: unknown,
		readonly bodyText: string,
	) {
		super(`HTTP ${status}`);
	}
}

/** A 2xx answer whose JSON could not be parsed: the body was cut off. */
export class TruncatedBodyFailure extends Error {
	constructor(readonly bodyText: string) {
		super('The answer ended before its JSON was complete');
	}
}

/**
 * A failure before any request reached the service: the credential refused to authenticate
 * (malformed or revoked key, the key-exchange limit) or something failed locally. Never retried.
 */
export class LocalFailure extends Error {}

/** A request that never got a whole answer: reset, refused, timed out. */
export class NetworkFailure extends Error {
	constructor(
		readonly code: string,
		detail: string,
	) {
		super(detail);
	}
}

/**
 * What a network failure code means, in words. The code itself stays out of the message: n8n
 * replaces any error message containing a common code (ECONNRESET, ECONNABORTED...) with a
 * generic sentence of its own, which would drop the service's name and the attempts made.
 */
export function networkFailureText(code: string): string {
	switch (code.toUpperCase()) {
		case 'ECONNABORTED':
		case 'ETIMEDOUT':
		case 'ESOCKETTIMEDOUT':
			return 'no answer within the timeout';
		case 'ECONNREFUSED':
			return 'the connection was refused';
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return 'the host name could not be resolved';
		case 'ECONNRESET':
		case 'EPIPE':
			return 'the connection was closed before the answer was complete';
		default:
			return 'the connection failed before the answer was complete';
	}
}

function bodyToText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return JSON.stringify(body);
}

/** Parsed JSON, or `invalid: true` when the text is not complete JSON. */
function tryParse(text: string): { value?: unknown; invalid: boolean } {
	try {
		return { value: parseJsonKeepingIds(text), invalid: false };
	} catch {
		return { invalid: true };
	}
}

function safeParse(text: string): unknown {
	const parsed = tryParse(text);
	return parsed.invalid ? text : parsed.value;
}

/**
 * Turns a full response (requested as text) into parsed JSON with exact ids, or throws
 * HttpStatusFailure / TruncatedBodyFailure.
 */
export function parseFullResponse(response: IN8nHttpFullResponse): unknown {
	const text = bodyToText(response.body);
	const status = response.statusCode;
	if (status >= 400) {
		throw new HttpStatusFailure(status, (response.headers ?? {}) as Record<string, unknown>, safeParse(text), text);
	}
	if (text.trim() === '') return undefined;
	// Some answers are documents, not JSON (the knowledge graph as HTML): hand them over as text.
	const contentType = String((response.headers ?? {})['content-type'] ?? '');
	if (contentType !== '' && !/json/i.test(contentType)) return text;
	const parsed = tryParse(text);
	if (parsed.invalid) throw new TruncatedBodyFailure(text);
	return parsed.value;
}

/** Reads the status and a network error code from whatever an n8n request helper threw. */
export function describeThrown(error: unknown): {
	status?: number;
	code?: string;
	message: string;
	headers?: Record<string, unknown>;
	bodyText?: string;
} {
	type Response = { status?: number; headers?: Record<string, unknown>; data?: unknown };
	const candidate = error as {
		httpCode?: string;
		code?: string;
		message?: string;
		cause?: { code?: string; message?: string; response?: Response; status?: number };
		response?: Response;
		context?: { data?: unknown };
	};
	const response = candidate?.cause?.response ?? candidate?.response;
	const status =
		response?.status ??
		(candidate?.httpCode && /^\d{3}$/.test(candidate.httpCode) ? Number(candidate.httpCode) : undefined);
	const code = candidate?.cause?.code ?? candidate?.code;
	const message = candidate?.cause?.message ?? candidate?.message ?? String(error);
	// n8n 1.x drops the cause of the error it throws and keeps only an object body, as `context.data`.
	const data = response?.data ?? candidate?.context?.data;
	const bodyText = data === undefined ? undefined : bodyToText(data);
	return { status, code, message, headers: response?.headers, bodyText };
}

/** The vendor's error body of a thrown HTTP error, parsed when it is JSON. */
export function thrownStatusFailure(status: number, thrown: ReturnType<typeof describeThrown>): HttpStatusFailure {
	const text = thrown.bodyText ?? '';
	const body = text === '' ? { message: thrown.message } : safeParse(text);
	return new HttpStatusFailure(status, thrown.headers ?? {}, body, text || thrown.message);
}

/**
 * Wraps a failure so the retry loop can decide. `userError` builds the error the user sees if
 * the loop gives up or the failure is final.
 */
export function toRetryable(error: unknown, userError: (error: unknown) => Error): unknown {
	if (error instanceof HttpStatusFailure) {
		const kind = classifyStatus(error.status);
		if (kind === 'final') return userError(error);
		return new RetryableFailure(kind, userError(error), parseRetryAfter(error.headers['retry-after']));
	}
	if (error instanceof TruncatedBodyFailure) return new RetryableFailure('truncated', userError(error));
	if (error instanceof NetworkFailure) return new RetryableFailure('network', userError(error));
	return userError(error);
}

/** One n8n item per element, or one item for an object answer. */
export function toItems(value: unknown): INodeExecutionData[] {
	if (value === undefined || value === null || value === '') return [];
	if (Array.isArray(value)) {
		return value.map((entry) => ({
			json: (entry !== null && typeof entry === 'object' ? entry : { value: entry }) as IDataObject,
		}));
	}
	return [{ json: (typeof value === 'object' ? value : { value }) as IDataObject }];
}

/** Reads a dotted path (`message.results`) from a parsed answer. */
export function pick(value: unknown, path: string | undefined): unknown {
	if (!path) return value;
	let current = value;
	for (const key of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}

/** What the shared postReceive step hands to a service's executor: status, headers and exact JSON. */
export interface ParsedAnswer extends IDataObject {
	statusCode: number;
	headers: IDataObject;
	body: IDataObject | IDataObject[] | string | number | boolean | null;
}

/**
 * The first postReceive action of every declarative operation in this package: it parses the
 * text body with exact ids and raises status failures so the service executor can retry or map
 * them. Requests are made with `encoding: 'text'`, so no lossy JSON.parse runs before this.
 */
export async function parseAnswerPostReceive(
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = parseFullResponse(response);
	const answer: ParsedAnswer = {
		statusCode: response.statusCode,
		headers: (response.headers ?? {}) as IDataObject,
		body: (body ?? null) as ParsedAnswer['body'],
	};
	return [{ json: answer }];
}
