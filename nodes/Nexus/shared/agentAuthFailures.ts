import { networkFailureText } from '../../shared/http';
import { KeyExchangeFailure, KeyExchangeWaitExpired, type KeyExchangeFailureKind } from '../../shared/keyExchange';
import { RetryableFailure, type FailureKind } from '../../shared/retry';

/** How one attempt of the agent key exchange failed, and what the retry loop may do with it. */

/** One failed request to agent-auth: what happened, in words, and what to do. */
export class AttemptFailure extends Error {
	constructor(
		readonly kind: KeyExchangeFailureKind,
		message: string,
		readonly description: string,
		readonly retryAfterMs?: number,
	) {
		super(message);
	}
}

/** How the shared retry policy treats each kind; absent: final. */
export const RETRY_KIND: Partial<Record<KeyExchangeFailureKind, Exclude<FailureKind, 'final'>>> = {
	stall: 'network',
	connection: 'network',
	truncated: 'truncated',
	'rate-limited': 'rate-limited',
	unavailable: 'unavailable',
};

export const CHECK_KEYS = 'Check the Agent API Key (it may be revoked or expired) and the Anon (Public) Key in the Nexus API credential.';

export function stallFailure(timeoutMs: number): AttemptFailure {
	return new AttemptFailure(
		'stall',
		`Nexus did not answer the key exchange within ${timeoutMs} ms`,
		'agent-auth (POST /functions/v1/agent-auth) accepted the request but sent no answer in time. Check that the Base URL in the Nexus API credential is right and that Nexus is reachable; if Nexus answers slowly, raise the Timeout under Request Options.',
	);
}

/** What n8n's request helper threw for an exchange request, in words; never the error itself (it carries the key). */
export function thrownFailure(error: unknown, timedOut: boolean, timeoutMs: number): AttemptFailure {
	const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
	const codeText = typeof code === 'string' ? code.toUpperCase() : '';
	const text = typeof message === 'string' ? message : '';
	if (timedOut || ['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT'].includes(codeText) || /timeout|timed out/i.test(text)) {
		return stallFailure(timeoutMs);
	}
	// Node's network codes (ECONNREFUSED, ENOTFOUND...), or a body cut by a closed connection;
	// not the HTTP client's own ERR_ codes (an invalid URL stays wrong however often it is tried).
	const networkCode = codeText.startsWith('E') && !codeText.startsWith('ERR_');
	if (networkCode || /socket hang up|aborted|ECONN|EPIPE|closed|reset/i.test(text)) {
		const closed = !networkCode || codeText === 'ECONNRESET' || codeText === 'EPIPE';
		return new AttemptFailure(
			'connection',
			closed
				? 'Nexus closed the connection before the key exchange answer was complete'
				: `Could not reach Nexus for the key exchange: ${networkFailureText(codeText)}`,
			`The connection to agent-auth (POST /functions/v1/agent-auth) failed or was closed before a complete answer arrived${codeText ? ` (${codeText})` : ''}. Check the base URL in the credential and that Nexus (and any proxy in between) is reachable.`,
		);
	}
	return new AttemptFailure('invalid', `The key exchange with Nexus failed: ${text || 'unknown error'}`, CHECK_KEYS);
}

export function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return body === undefined || body === null ? '' : JSON.stringify(body);
}

/** What the retry loop may repeat (with the shared policy), or the final failure. */
export function toRetryable(failure: AttemptFailure): RetryableFailure | KeyExchangeFailure {
	const retryKind = RETRY_KIND[failure.kind];
	return retryKind ? new RetryableFailure(retryKind, failure, failure.retryAfterMs) : finalFailure(failure, 1);
}

/** What one attempt threw, for the retry loop: an expired shared wait passes through as it is. */
export function attemptError(error: unknown, timeoutMs: number): Error {
	if (error instanceof KeyExchangeWaitExpired) return error;
	return toRetryable(error instanceof AttemptFailure ? error : thrownFailure(error, false, timeoutMs));
}

export function finalFailure(failure: AttemptFailure, attempts: number): KeyExchangeFailure {
	const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
	// Refusals keep the advice in the message: n8n's credential test shows the message only.
	const advice = failure.kind === 'refused' || failure.kind === 'unavailable' ? `. ${failure.description}` : '';
	return new KeyExchangeFailure(failure.kind, `${failure.message}${tries}${advice}`, failure.description);
}
