/** How long the insight stream waits before it connects again. */

export interface BackoffSettings {
	/** First backoff step. */
	reconnectBaseMs: number;
	/** Ceiling of one backoff wait. */
	reconnectMaxMs: number;
	random?: () => number;
}

/**
 * The wait before the next connection: right away (within a random share of the first step)
 * after a healthy connection (`failures` 0), then base·2^(n−1)·[0.5, 1) up to the ceiling; a
 * Retry-After the server sent is honoured up to the ceiling.
 */
export function reconnectDelay(failures: number, settings: BackoffSettings, retryAfterMs: number | undefined): number {
	const random = settings.random ?? Math.random;
	const { reconnectBaseMs: base, reconnectMaxMs: max } = settings;
	const delay = failures === 0 ? base * random() : Math.min(max, base * 2 ** (failures - 1)) * (0.5 + random() / 2);
	return Math.round(retryAfterMs !== undefined ? Math.max(delay, Math.min(retryAfterMs, max)) : delay);
}
