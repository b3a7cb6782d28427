import { createHash } from 'node:crypto';

// n8n calls a credential's preAuthentication (the key exchange) from inside a node's request with
// nothing but request helpers and the credential's data: it cannot tell which execution it runs
// for. The node requests' Request Options reach it through this registry, keyed by the
// credential's fingerprint: each node request registers its settings while it runs.

/** What the node's request that triggered a key exchange allows it: Request Options' timeout and Max Retries. */
export interface KeyExchangeSettings {
	/** Milliseconds one exchange request may take; absent: the credential's default. */
	timeoutMs?: number;
	/** Retries after the first attempt; absent: the shared retry policy's default. */
	maxRetries?: number;
}

/** The sha256 of base URL, anon key and agent key: one key exchange state per credential, no secret kept. */
export function credentialFingerprint(baseUrl: string, anonApiKey: string, apiKey: string): string {
	return createHash('sha256').update(`${baseUrl}\n${anonApiKey}\n${apiKey}`).digest('hex');
}

interface PendingRequest extends KeyExchangeSettings {
	/** Sending (an attempt under way): only such a request can be the one a key exchange runs for. */
	active: boolean;
	/** When its current attempt began: its exchange budget (its timeout) counts from here. */
	since: number;
	/** Set when a shared exchange wait ran out at this request's budget: the timeout it had. */
	expiredAfterMs?: number;
}

/** A node request's entry in the registry, for the attempts it makes. */
export interface KeyExchangeRegistration {
	/** An attempt begins (not a resend): its budget starts again. */
	begin(): void;
	/** The attempt failed; until the next, it is not sending and no exchange runs for it. */
	pause(): void;
	/** The timeout it had, when a shared exchange wait ran out at its budget in this attempt; else undefined. */
	readonly expiredAfterMs: number | undefined;
	release(): void;
}

const pendingByCredential = new Map<string, Set<PendingRequest>>();

/** Registers a node request's settings for its credential until `release`. */
export function registerKeyExchangeSettings(fingerprint: string, settings: KeyExchangeSettings): KeyExchangeRegistration {
	let pending = pendingByCredential.get(fingerprint);
	if (!pending) {
		pending = new Set();
		pendingByCredential.set(fingerprint, pending);
	}
	const entries = pending;
	const entry: PendingRequest = { ...settings, active: false, since: Date.now() };
	entries.add(entry);
	return {
		begin() {
			entry.active = true;
			entry.since = Date.now();
			entry.expiredAfterMs = undefined;
		},
		pause() {
			entry.active = false;
		},
		get expiredAfterMs() {
			return entry.expiredAfterMs;
		},
		release() {
			entries.delete(entry);
			if (entries.size === 0 && pendingByCredential.get(fingerprint) === entries) pendingByCredential.delete(fingerprint);
		},
	};
}

/** How one key exchange is bounded. */
export interface KeyExchangePlan extends Required<KeyExchangeSettings> {
	/**
	 * Several node requests of this credential are sending, any of them the one this exchange runs
	 * for: every wait ends by `deadline` (the smallest budget left among them, so never after the
	 * real one's), then `expire` marks the requests whose budget that was and the exchange throws
	 * KeyExchangeWaitExpired for each caller to judge by its own budget.
	 */
	shared?: { deadline: number; expire(): void };
}

/**
 * The bounds of an exchange of this credential: no node request sending → `defaults` (the
 * credential test); one → its own settings; several → `shared` (see KeyExchangePlan), each request
 * of the exchange given the widest timeout (others may join it after a wait ran out), the fewest retries.
 */
export function keyExchangePlanFor(fingerprint: string, defaults: Required<KeyExchangeSettings>): KeyExchangePlan {
	// A request marked expired is about to judge its own attempt (or is already past its budget
	// in a wait of its own): no longer a bound, so the others are not sent round again at once.
	const sending = [...(pendingByCredential.get(fingerprint) ?? [])].filter((entry) => entry.active && entry.expiredAfterMs === undefined);
	const timeoutOf = (entry: PendingRequest) => entry.timeoutMs ?? defaults.timeoutMs;
	const retriesOf = (entry: PendingRequest) => entry.maxRetries ?? defaults.maxRetries;
	if (sending.length === 0) return defaults;
	if (sending.length === 1) return { timeoutMs: timeoutOf(sending[0]), maxRetries: retriesOf(sending[0]) };
	const deadlineOf = (entry: PendingRequest) => entry.since + timeoutOf(entry);
	const deadline = Math.min(...sending.map(deadlineOf));
	return {
		timeoutMs: Math.max(...sending.map(timeoutOf)),
		maxRetries: Math.min(...sending.map(retriesOf)),
		shared: {
			deadline,
			expire() {
				// A request that began a new attempt since has a new budget: not this one.
				for (const entry of sending) if (entry.active && deadlineOf(entry) <= deadline) entry.expiredAfterMs = timeoutOf(entry);
			},
		},
	};
}

/**
 * A shared exchange wait that ran out (see KeyExchangePlan): not a failure of the caller's own
 * exchange unless its own budget ran out. `stalled` is the error of a caller whose budget it was.
 */
export class KeyExchangeWaitExpired extends Error {
	readonly isKeyExchangeWaitExpired = true;

	constructor(
		readonly waitedMs: number,
		readonly stalled: (timeoutMs: number, attempts: number) => KeyExchangeFailure,
	) {
		super(`The key exchange wait ended after ${waitedMs} ms`);
		this.name = 'KeyExchangeWaitExpired';
	}
}

/** The expired shared wait behind what n8n's request helper threw (itself, or its cause), if any. */
export function keyExchangeWaitExpiredIn(error: unknown): KeyExchangeWaitExpired | undefined {
	const isExpired = (value: unknown): value is KeyExchangeWaitExpired =>
		value instanceof Error && (value as Partial<KeyExchangeWaitExpired>).isKeyExchangeWaitExpired === true;
	if (isExpired(error)) return error;
	const cause = (error as { cause?: unknown } | undefined)?.cause;
	return isExpired(cause) ? cause : undefined;
}

export type KeyExchangeFailureKind = 'stall' | 'connection' | 'truncated' | 'rate-limited' | 'unavailable' | 'refused' | 'invalid';

/**
 * A key exchange that failed for good: after its own retries, or refused (a wrong key stays wrong).
 * The transports recognise it (n8n hands it over wrapped, as the cause of its own error) and never
 * retry the request again, which would repeat the whole exchange. It carries no request, body or key.
 */
export class KeyExchangeFailure extends Error {
	readonly isKeyExchangeFailure = true;

	constructor(
		readonly kind: KeyExchangeFailureKind,
		message: string,
		readonly description: string,
	) {
		super(message);
		this.name = 'KeyExchangeFailure';
	}
}

function isKeyExchangeFailure(value: unknown): value is KeyExchangeFailure {
	return value instanceof Error && (value as Partial<KeyExchangeFailure>).isKeyExchangeFailure === true;
}

/** The key exchange failure behind what n8n's request helper threw (itself, or its cause), if any. */
export function keyExchangeFailureIn(error: unknown): KeyExchangeFailure | undefined {
	if (isKeyExchangeFailure(error)) return error;
	const cause = (error as { cause?: unknown } | undefined)?.cause;
	return isKeyExchangeFailure(cause) ? cause : undefined;
}
