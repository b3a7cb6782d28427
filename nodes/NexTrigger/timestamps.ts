/**
 * Exact insight timestamps. Nex writes times from Postgres through Go: RFC 3339 with up to nine
 * fraction digits. A JS Date (ms) would merge insights created within one millisecond, so times
 * are compared as nanoseconds since the epoch (bigint), and the server's own strings are what
 * goes back to it as `from`/`to`.
 */

const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

const NS_PER_MS = 1_000_000n;

/** Nanoseconds since the epoch of an RFC 3339 timestamp (any offset; digits below the ns dropped), or undefined. */
export function timestampNs(value: unknown): bigint | undefined {
	if (typeof value !== 'string') return undefined;
	const match = RFC3339.exec(value.trim());
	if (!match) return undefined;
	const [, date, time, fraction, zone] = match;
	const seconds = Date.parse(`${date}T${time}${zone.toUpperCase()}`);
	if (Number.isNaN(seconds)) return undefined;
	const ns = fraction ? BigInt(fraction.slice(0, 9).padEnd(9, '0')) : 0n;
	return BigInt(seconds) * NS_PER_MS + ns;
}

/** Milliseconds (rounded down) of a time in ns, for clocks and durations only, never to compare insights. */
export function msOf(ns: bigint): number {
	const ms = ns / NS_PER_MS;
	return Number(ns < 0n && ms * NS_PER_MS !== ns ? ms - 1n : ms);
}

/** A time in ns from one in ms. */
export function nsOfMs(ms: number): bigint {
	return BigInt(Math.floor(ms)) * NS_PER_MS;
}

/** The order of one answer of `GET /v1/insights` (undocumented): read from its creation times. */
export type AnswerOrder = 'newest-first' | 'oldest-first' | 'one-instant' | 'unordered';

export function answerOrder(times: Array<bigint | undefined>): AnswerOrder {
	let falling = false;
	let rising = false;
	for (let i = 1; i < times.length; i++) {
		const before = times[i - 1];
		const after = times[i];
		if (before === undefined || after === undefined) return 'unordered';
		if (after < before) falling = true;
		else if (after > before) rising = true;
	}
	if (times.length > 0 && times[0] === undefined) return 'unordered';
	if (falling && rising) return 'unordered';
	return falling ? 'newest-first' : rising ? 'oldest-first' : 'one-instant';
}
