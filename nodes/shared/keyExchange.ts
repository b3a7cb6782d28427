import { createHash } from 'node:crypto';

// n8n calls a credential's preAuthentication (the key exchange) from inside a node's request with
// nothing but request helpers and the credential's data. The node's Request Options reach it
// through this registry, keyed by the credential's fingerprint: each node request registers its
// settings while it runs.

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

const pendingByCredential = new Map<string, Set<KeyExchangeSettings>>();

/** Registers a node request's settings for its credential until the returned function is called. */
export function registerKeyExchangeSettings(fingerprint: string, settings: KeyExchangeSettings): () => void {
	let pending = pendingByCredential.get(fingerprint);
	if (!pending) {
		pending = new Set();
		pendingByCredential.set(fingerprint, pending);
	}
	const entry = { ...settings };
	pending.add(entry);
	return () => {
		pending.delete(entry);
		if (pending.size === 0 && pendingByCredential.get(fingerprint) === pending) pendingByCredential.delete(fingerprint);
	};
}

/**
 * The settings for an exchange of this credential: the one node request's own; with several, the
 * widest (the shared exchange serves them all); `defaults` when none runs (the credential test).
 */
export function keyExchangeSettingsFor(fingerprint: string, defaults: Required<KeyExchangeSettings>): Required<KeyExchangeSettings> {
	const pending = [...(pendingByCredential.get(fingerprint) ?? [])];
	if (pending.length === 0) return defaults;
	return {
		timeoutMs: Math.max(...pending.map((entry) => entry.timeoutMs ?? defaults.timeoutMs)),
		maxRetries: Math.max(...pending.map((entry) => entry.maxRetries ?? defaults.maxRetries)),
	};
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
