/**
 * Timestamps as Go's encoding/json writes a time.Time (RFC 3339 with the fraction trimmed of
 * trailing zeros): `2026-02-05T10:30:00Z`, `2026-02-05T10:30:00.12Z`.
 */
export function rfc3339(ms: number): string {
	const whole = Math.round(ms);
	const second = Math.floor(whole / 1000);
	if (second !== cachedSecond) {
		cachedSecond = second;
		cachedPrefix = new Date(second * 1000).toISOString().slice(0, 19);
	}
	const fraction = whole - second * 1000;
	if (fraction === 0) return `${cachedPrefix}Z`;
	return `${cachedPrefix}.${String(fraction).padStart(3, '0').replace(/0+$/, '')}Z`;
}

// Bulk seeding formats thousands of timestamps within the same second: cache the second's text.
let cachedSecond = Number.NaN;
let cachedPrefix = '';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/** Parses a strict RFC 3339 timestamp; undefined when it is not one. */
export function parseRfc3339(value: string): number | undefined {
	const m = RFC3339.exec(value);
	if (!m) return undefined;
	const [, , mo, d, h, mi, s] = m;
	if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59 || +s > 60) return undefined;
	const ms = Date.parse(value.toUpperCase());
	return Number.isNaN(ms) ? undefined : ms;
}

const DURATION_UNITS: Record<string, number> = {
	ns: 1e-6,
	us: 1e-3,
	µs: 1e-3,
	ms: 1,
	s: 1000,
	m: 60_000,
	h: 3_600_000,
	d: 86_400_000,
};

/** Parses a rolling window such as `30m`, `2h`, `1h30m`, `1d` (Go durations plus days). */
export function parseDuration(value: string): number | undefined {
	if (!/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h|d))+$/.test(value)) return undefined;
	let total = 0;
	for (const part of value.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d)/g)) {
		total += Number(part[1]) * DURATION_UNITS[part[2]];
	}
	return total > 0 ? total : undefined;
}

/** Units of one tick at each precision the service may store creation times with, in ns. */
export const PRECISION_NS = { ms: 1_000_000n, us: 1_000n, ns: 1n } as const;

/**
 * A time in ns since the epoch as Go writes it (RFC 3339, fraction trimmed of trailing zeros, up
 * to 9 digits): `2026-02-05T10:30:00.123456Z`. Exact: no detour through a JS number.
 */
export function rfc3339Ns(ns: bigint): string {
	const second = ns / 1_000_000_000n - (ns < 0n && ns % 1_000_000_000n !== 0n ? 1n : 0n);
	const fraction = ns - second * 1_000_000_000n;
	const prefix = new Date(Number(second) * 1000).toISOString().slice(0, 19);
	if (fraction === 0n) return `${prefix}Z`;
	return `${prefix}.${fraction.toString().padStart(9, '0').replace(/0+$/, '')}Z`;
}

/** Exact ns since the epoch of a strict RFC 3339 timestamp (any offset, up to 9 fraction digits). */
export function parseRfc3339Ns(value: string): bigint | undefined {
	const m = RFC3339.exec(value);
	if (!m || parseRfc3339(value) === undefined) return undefined;
	const whole = value.toUpperCase().replace(/\.\d+/, '');
	const seconds = BigInt(Date.parse(whole)) / 1000n;
	const fraction = m[7] ? BigInt(m[7].slice(1).padEnd(9, '0')) : 0n;
	return seconds * 1_000_000_000n + fraction;
}
