import { sleep } from 'n8n-workflow';

/**
 * Client-side pacing of a "N requests per window" rate limit, so a long listing waits its turn
 * instead of collecting 429s.
 *
 * A token bucket of N tokens where each token comes back one window after the request that took
 * it was answered (not a bucket refilling at N per window: that lets 2N through in one sliding
 * window, N from the full bucket and N refilled). A request reaches the server before its answer
 * comes back, so at most N requests arrive within any window of the server's, whatever the
 * latency, under every reading of the limit (fixed window, sliding window, bucket).
 */
export interface Pacer {
	/** Waits for a token; the function it answers gives it back (call it once the answer or failure arrived). */
	take(): Promise<() => void>;
	/** A 429's Retry-After (ms): no token is handed out before it has passed. */
	hold(ms: number | undefined): void;
}

export interface PacerClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const realClock: PacerClock = {
	now: () => Date.now(),
	sleep: async (ms) => await sleep(ms),
};

export class TokenBucket implements Pacer {
	/** When each token given back within the last window was given back, oldest first. */
	private readonly returned: number[] = [];

	private inUse = 0;

	private heldUntil = 0;

	/** Requests take tokens in the order they asked (a later one never overtakes). */
	private queue: Promise<void> = Promise.resolve();

	private wakeUp: Array<() => void> = [];

	constructor(
		readonly limit: number,
		readonly windowMs: number,
		private readonly clock: PacerClock = realClock,
	) {}

	async take(): Promise<() => void> {
		const turn = this.queue.then(async () => await this.acquire());
		this.queue = turn.catch(() => undefined);
		await turn;
		let given = false;
		return () => {
			if (given) return;
			given = true;
			this.inUse--;
			this.returned.push(this.clock.now());
			for (const wake of this.wakeUp.splice(0)) wake();
		};
	}

	hold(ms: number | undefined): void {
		if (ms === undefined || !(ms > 0)) return;
		this.heldUntil = Math.max(this.heldUntil, this.clock.now() + ms);
	}

	/** Tokens free now (for tests and diagnostics). */
	available(): number {
		this.forgetOld(this.clock.now());
		return Math.max(0, this.limit - this.inUse - this.returned.length);
	}

	private forgetOld(now: number): void {
		while (this.returned.length && this.returned[0] + this.windowMs <= now) this.returned.shift();
	}

	private async acquire(): Promise<void> {
		for (;;) {
			const now = this.clock.now();
			this.forgetOld(now);
			if (now < this.heldUntil) {
				await this.clock.sleep(this.heldUntil - now);
				continue;
			}
			if (this.inUse + this.returned.length < this.limit) {
				this.inUse++;
				return;
			}
			if (this.returned.length) {
				await this.clock.sleep(this.returned[0] + this.windowMs - now);
				continue;
			}
			// Every token is out with a request in flight: wait until one is given back.
			await new Promise<void>((resolve) => this.wakeUp.push(resolve));
		}
	}
}
