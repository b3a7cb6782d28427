/**
 * The server clock in microseconds, strictly increasing: every API transaction gets its own
 * timestamp (Postgres' now() is the transaction start), so `updated_at` values are distinct
 * and carry six fractional digits, as on a real server.
 */
export class MicroClock {
	private last = 0n;

	private nowUs(): bigint {
		const ms = BigInt(Date.now());
		const subMs = (process.hrtime.bigint() / 1000n) % 1000n;
		return ms * 1000n + subMs;
	}

	next(): bigint {
		let t = this.nowUs();
		if (t <= this.last) t = this.last + 1n;
		this.last = t;
		return t;
	}

	/** Reserves `count` consecutive microseconds and answers the first. */
	reserve(count: number): bigint {
		const start = this.next();
		this.last = start + BigInt(Math.max(0, count));
		return start;
	}

	nextIso(): string {
		return MicroClock.iso(this.next());
	}

	static iso(us: bigint): string {
		const ms = Number(us / 1000n);
		const micros = String(us % 1000n).padStart(3, '0');
		return new Date(ms).toISOString().replace('Z', `${micros}+00:00`);
	}
}
