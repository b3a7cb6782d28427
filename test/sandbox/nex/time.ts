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
