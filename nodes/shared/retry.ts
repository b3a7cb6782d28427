import { sleep } from 'n8n-workflow';

/**
 * When to retry a request and how long to wait first. Shared by the Nex and Nexus transports.
 *
 * - 429: always safe to repeat (the server did not act); wait `Retry-After` when given,
 *   otherwise a bounded exponential backoff.
 * - 502/503/504, a reset connection, a timeout or a truncated body: the server may have acted,
 *   so only requests that are safe to repeat (reads, idempotent writes) are retried.
 * - Anything else (400, 401, 403, 404, 409, 500, ...) is not retried.
 */
export interface RetryPolicy {
	/** Retries after the first attempt (0 = never retry). */
	maxRetries: number;
	/** First backoff step when no Retry-After is given. */
	baseDelayMs: number;
	/** Ceiling for any single wait, including a server's Retry-After. */
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 60_000 };

export type FailureKind = 'rate-limited' | 'unavailable' | 'network' | 'truncated' | 'final';

/** Raised by a transport for a failure the retry loop may repeat; carries what it needs to decide. */
export class RetryableFailure extends Error {
	constructor(
		readonly kind: Exclude<FailureKind, 'final'>,
		readonly finalError: Error,
		readonly retryAfterMs?: number,
		/** The server certainly did not act (nothing sent, or refused unread): repeatable for any request. */
		readonly notActedOn = false,
	) {
		super(finalError.message);
	}
}

const RETRYABLE_STATUSES = new Set([502, 503, 504]);

export function classifyStatus(status: number): FailureKind {
	if (status === 429) return 'rate-limited';
	if (RETRYABLE_STATUSES.has(status)) return 'unavailable';
	return 'final';
}

/** Retry-After is seconds or an HTTP date; returns milliseconds, or undefined when absent/invalid. */
export function parseRetryAfter(header: unknown, now = Date.now()): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter in the upper half: base·2^attempt·[0.5, 1), capped. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random = Math.random): number {
	const exponential = policy.baseDelayMs * 2 ** attempt;
	const jittered = exponential * (0.5 + random() / 2);
	return Math.min(policy.maxDelayMs, Math.round(jittered));
}

/** Milliseconds to wait before retry number `attempt` (0-based), or undefined to give up. */
export function retryDelayMs(
	failure: RetryableFailure,
	attempt: number,
	safeToRepeat: boolean,
	policy: RetryPolicy,
): number | undefined {
	if (attempt >= policy.maxRetries) return undefined;
	if (failure.kind !== 'rate-limited' && !failure.notActedOn && !safeToRepeat) return undefined;
	if (failure.kind === 'rate-limited' && failure.retryAfterMs !== undefined) {
		return Math.min(policy.maxDelayMs, failure.retryAfterMs);
	}
	return backoffDelayMs(attempt, policy);
}

/**
 * Runs `attempt` until it succeeds, throws a non-retryable error, or the policy gives up;
 * then throws the last failure's final (user-facing) error, with how many tries were made.
 */
export async function withRetries<T>(
	attempt: () => Promise<T>,
	safeToRepeat: boolean,
	policy: RetryPolicy,
	onGiveUp: (failure: RetryableFailure, attempts: number) => Error = (failure) => failure.finalError,
): Promise<T> {
	for (let tries = 0; ; tries++) {
		const outcome = await attempt().then(
			(value) => ({ value, failure: undefined }),
			(failure: unknown) => ({ value: undefined, failure }),
		);
		if (outcome.failure === undefined) return outcome.value as T;
		const { failure } = outcome;
		// Errors that are not retryable were already turned into the user's error by the transport.
		if (!(failure instanceof RetryableFailure)) throw failure as Error;
		const delay = retryDelayMs(failure, tries, safeToRepeat, policy);
		if (delay === undefined) throw onGiveUp(failure, tries + 1);
		await sleep(delay);
	}
}
