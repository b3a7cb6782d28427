// n8n calls a credential's preAuthentication (the key exchange) from inside a node's request with
// nothing but request helpers and the credential's data: the only way the node's Request Options
// can reach it is the async context of the request that triggered it. async_hooks is built into
// Node (no dependency); nothing else in it is used.
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports
import { AsyncLocalStorage } from 'node:async_hooks';

/** What the node's request that triggered a key exchange allows it: Request Options' timeout and Max Retries. */
export interface KeyExchangeSettings {
	/** Milliseconds one exchange request may take; absent: the credential's default. */
	timeoutMs?: number;
	/** Retries after the first attempt; absent: the shared retry policy's default. */
	maxRetries?: number;
}

const settingsOfRequest = new AsyncLocalStorage<KeyExchangeSettings>();

/** Runs `send` so that a key exchange n8n runs inside it (token missing, or a 401) gets `settings`. */
export async function withKeyExchangeSettings<T>(settings: KeyExchangeSettings, send: () => Promise<T>): Promise<T> {
	return await settingsOfRequest.run(settings, send);
}

/** The settings of the node request this exchange runs in; undefined outside one (the credential test). */
export function currentKeyExchangeSettings(): KeyExchangeSettings | undefined {
	return settingsOfRequest.getStore();
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
