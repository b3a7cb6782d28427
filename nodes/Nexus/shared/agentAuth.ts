import type { IHttpRequestHelper } from 'n8n-workflow';

import { KeyExchangeWaitExpired, type KeyExchangeFailureKind, type KeyExchangePlan } from '../../shared/keyExchange';
import { classifyStatus, DEFAULT_RETRY_POLICY, parseRetryAfter, withRetries } from '../../shared/retry';
import { AttemptFailure, attemptError, bodyText, CHECK_KEYS, finalFailure, stallFailure, thrownFailure } from './agentAuthFailures';

/**
 * The agent key exchange (`POST /functions/v1/agent-auth`) the Nexus API credential runs: every
 * request bounded by a timeout, stalls, dropped connections, cut-off answers and 502/503/504
 * retried with the shared retry policy, 429 retried after its Retry-After, a refused key never
 * retried (agent-auth allows 10 attempts a minute per IP). Executions exchanging the same key at
 * the same moment share the request in flight, each waiting for it no longer than its own timeout.
 */

/**
 * Timeout of one exchange request when no node's Request Options set one (the credential test,
 * or a node without the option). agent-auth looks up one key and signs a token, answering in well
 * under a second; 30 s leaves room for a cold-starting edge function and a slow link, and bounds a
 * gateway that never answers to 30 s per attempt instead of n8n's 5 minutes (or none at all).
 */
export const DEFAULT_KEY_EXCHANGE_TIMEOUT_MS = 30_000;

interface Grant {
	token: string;
	expiresIn: number;
}

/**
 * One `POST /functions/v1/agent-auth`, at most `timeoutMs` long. Statuses are read, not thrown,
 * and the body is parsed here, so a cut-off answer is told from one without a token and no error
 * carries the request (its body holds the key) or the answer (it holds the token).
 */
export async function requestAgentToken(
	context: IHttpRequestHelper,
	credential: { baseUrl: string; anonApiKey: string; apiKey: string },
	timeoutMs: number,
): Promise<Grant> {
	const deadline = AbortSignal.timeout(timeoutMs);
	let response: { statusCode: number; headers?: Record<string, unknown>; body?: unknown };
	try {
		response = (await context.helpers.httpRequest({
			method: 'POST',
			url: `${credential.baseUrl}/functions/v1/agent-auth`,
			headers: { apikey: credential.anonApiKey, 'Content-Type': 'application/json', Accept: 'application/json' },
			body: JSON.stringify({ api_key: credential.apiKey }),
			json: false,
			encoding: 'text',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: timeoutMs,
			abortSignal: deadline,
		})) as typeof response;
	} catch (error) {
		throw thrownFailure(error, deadline.aborted, timeoutMs);
	}
	const text = bodyText(response.body);
	let parsed: unknown;
	let cutOff = false;
	try {
		parsed = JSON.parse(text);
	} catch {
		cutOff = true;
	}
	const answer = (parsed !== null && typeof parsed === 'object' ? parsed : {}) as {
		access_token?: unknown;
		expires_in?: unknown;
		message?: unknown;
		error?: unknown;
	};
	const status = response.statusCode;
	if (status === 429) {
		const retryAfterMs = parseRetryAfter(response.headers?.['retry-after']);
		throw new AttemptFailure(
			'rate-limited',
			`Nexus refused the key exchange: too many attempts (10 per minute per IP)${retryAfterMs !== undefined ? `; retry in ${Math.ceil(retryAfterMs / 1000)} s` : ''}`,
			"agent-auth allows 10 key exchanges a minute per IP address, shared by every workflow and n8n instance behind it. Wait a minute and run again, or raise Max Retries under Request Options so the node waits for Nexus's Retry-After.",
			retryAfterMs,
		);
	}
	if (status >= 400) {
		const vendor = typeof answer.message === 'string' ? answer.message : answer.error !== undefined ? String(answer.error) : 'no message';
		const refused = status === 401 || status === 403;
		const kind: KeyExchangeFailureKind = refused ? 'refused' : classifyStatus(status) === 'unavailable' ? 'unavailable' : 'invalid';
		const advice = refused
			? CHECK_KEYS
			: status >= 500
				? 'Nexus had a server error while exchanging the key; try again later.'
				: 'Check the Nexus API credential.';
		throw new AttemptFailure(kind, `Nexus agent-auth answered ${status}: ${vendor}`, advice);
	}
	if (cutOff) {
		throw new AttemptFailure(
			'truncated',
			'The key exchange answer from Nexus was cut off',
			'agent-auth answered, but its answer ended before its JSON was complete, so no access token could be read. This is usually a network or proxy fault between n8n and Nexus; run again.',
		);
	}
	if (typeof answer.access_token !== 'string' || answer.access_token === '') {
		throw new AttemptFailure(
			'invalid',
			'Nexus agent-auth answered without an access token',
			'Check the Base URL in the Nexus API credential: it must be the root of the Nexus API.',
		);
	}
	const expiresIn = typeof answer.expires_in === 'number' && answer.expires_in > 0 ? answer.expires_in : 3600;
	return { token: answer.access_token, expiresIn };
}

interface ExchangeState {
	/** The exchange request in flight for this credential, if any. */
	pending?: Promise<Grant>;
	token?: string;
	expiresAt?: number;
}

/** Per credential (hash of base URL, anon key and agent key): the request in flight and the newest token. */
const exchangesByCredential = new Map<string, ExchangeState>();

function stateOf(credentialHash: string): ExchangeState {
	let state = exchangesByCredential.get(credentialHash);
	if (!state) {
		state = {};
		exchangesByCredential.set(credentialHash, state);
	}
	return state;
}

/** A token newer than the caller's that another execution just got, while it has more than 5 s left. */
function newerToken(state: ExchangeState, currentToken: string): string | undefined {
	return state.token && state.token !== currentToken && (state.expiresAt ?? 0) > Date.now() + 5_000 ? state.token : undefined;
}

type Settled<T> = { value: T } | { failure: unknown } | { timedOut: true };

/** Waits for `promise` at most `timeoutMs`; a wait that ran out leaves the promise to its owner. */
async function settleWithin<T>(promise: Promise<T>, timeoutMs: number): Promise<Settled<T>> {
	const signal = AbortSignal.timeout(timeoutMs);
	let onAbort = () => {};
	const timedOut = new Promise<Settled<T>>((resolve) => {
		onAbort = () => resolve({ timedOut: true });
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		return await Promise.race([promise.then((value) => ({ value }), (failure: unknown) => ({ failure })), timedOut]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

/** How long one execution may still wait, and what it throws when that runs out. */
interface WaitBound {
	/** Whether the exchange is shared by several node requests (see KeyExchangePlan). */
	shared: boolean;
	waitMs(): number;
	ranOut(): Error;
}

/**
 * One attempt of one execution: a newer token another execution got; else the request another
 * execution has in flight, waited for within the bound (each request is joined once); else a
 * request of its own. When the joined request failed in a way this execution's own request may
 * not (another execution's shorter timeout, a dropped connection), it sends its own right away;
 * a refusal or the rate limit holds for every execution alike.
 */
async function attemptExchange(
	state: ExchangeState,
	currentToken: string,
	send: () => Promise<Grant>,
	bound: WaitBound,
	joined: Set<Promise<Grant>>,
): Promise<string> {
	const newer = newerToken(state, currentToken);
	if (newer) return newer;
	const inFlight = state.pending;
	if (inFlight && !joined.has(inFlight)) {
		joined.add(inFlight);
		const outcome = await settleWithin(inFlight, bound.waitMs());
		if ('timedOut' in outcome) throw bound.ranOut();
		if ('value' in outcome) return outcome.value.token;
		const kind = outcome.failure instanceof AttemptFailure ? outcome.failure.kind : 'invalid';
		if (!['stall', 'connection', 'truncated', 'unavailable'].includes(kind)) throw outcome.failure;
		const meanwhile = newerToken(state, currentToken);
		if (meanwhile) return meanwhile;
	}
	// No time left for this exchange: nothing is sent (agent-auth allows 10 a minute).
	if (bound.shared && bound.waitMs() <= 0) throw bound.ranOut();
	const own = send().then((grant) => {
		state.token = grant.token;
		state.expiresAt = Date.now() + grant.expiresIn * 1000;
		return grant;
	});
	state.pending = own;
	joined.add(own);
	const done = () => {
		if (state.pending === own) state.pending = undefined;
	};
	own.then(done, done);
	if (!bound.shared) return (await own).token;
	// Shared: the request may outlive this wait, for the executions that join it after.
	const outcome = await settleWithin(own, bound.waitMs());
	if ('timedOut' in outcome) throw bound.ranOut();
	if ('failure' in outcome) throw outcome.failure;
	return outcome.value.token;
}

/**
 * Exchanges the agent key for a token within `plan` (the node's timeout and retries; the defaults
 * outside a node; see KeyExchangePlan when several node requests share it), sharing requests with
 * other executions of the same credential. Throws a KeyExchangeFailure that names what happened
 * and how many attempts were made, or KeyExchangeWaitExpired when a shared wait ran out.
 */
export async function exchangeAgentKey(
	context: IHttpRequestHelper,
	credential: { baseUrl: string; anonApiKey: string; apiKey: string },
	credentialHash: string,
	currentToken: string,
	plan: KeyExchangePlan,
): Promise<string> {
	const { timeoutMs, shared } = plan;
	const policy = { ...DEFAULT_RETRY_POLICY, maxRetries: plan.maxRetries };
	const state = stateOf(credentialHash);
	const joined = new Set<Promise<Grant>>();
	const send = async () => await requestAgentToken(context, credential, timeoutMs);
	const startedAt = Date.now();
	const bound: WaitBound = shared
		? {
				shared: true,
				waitMs: () => Math.max(0, shared.deadline - Date.now()),
				ranOut: () => {
					shared.expire();
					return new KeyExchangeWaitExpired(Date.now() - startedAt, (ms, attempts) => finalFailure(stallFailure(ms), attempts));
				},
			}
		: { shared: false, waitMs: () => timeoutMs, ranOut: () => stallFailure(timeoutMs) };
	return await withRetries(
		async () => {
			try {
				return await attemptExchange(state, currentToken, send, bound, joined);
			} catch (error) {
				throw attemptError(error, timeoutMs);
			}
		},
		// A repeated exchange only issues another token: harmless, unlike a repeated write.
		true,
		policy,
		(last, attempts) => finalFailure(last.finalError as AttemptFailure, attempts),
	);
}
