/**
 * Instants as servers write them (PostgREST and Nex alike): compared exactly, to the nanosecond,
 * whatever the offset and however many fractional digits were kept. Both the Nexus Trigger's
 * keyset cursor and the Nex Record Trigger's change memory order rows by these.
 */

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * A key that sorts like the instant a server timestamp names, to the nanosecond, whatever its
 * offset and however many fractional digits it kept (Postgres drops trailing zeros). Text that is
 * not a timestamp is returned as is.
 */
export function timestampKey(text: string): string {
	const match = TIMESTAMP.exec(text.trim());
	if (!match) return text;
	const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match;
	let offsetMinutes = 0;
	if (zone.toUpperCase() !== 'Z') {
		const digits = zone.slice(1).replace(':', '');
		offsetMinutes = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0')) * (zone.startsWith('-') ? -1 : 1);
	}
	const epochMs =
		Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)) -
		offsetMinutes * 60_000;
	const seconds = Math.floor(epochMs / 1000);
	// Offset by 10^12 so instants before 1970 still sort as fixed-width positive numbers.
	return `${String(seconds + 1e12).padStart(14, '0')}.${fraction.padEnd(9, '0')}`;
}

export function sameInstant(a: string, b: string): boolean {
	return timestampKey(a) === timestampKey(b);
}

/** -1, 0 or 1 as instant `a` is before, equal to or after instant `b`. */
export function compareInstants(a: string, b: string): number {
	const left = timestampKey(a);
	const right = timestampKey(b);
	return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * The instant `minutes` before a server timestamp, as an ISO text (rounded down to the
 * millisecond: a window start may only grow); undefined when `at` is not a timestamp.
 */
export function instantMinus(at: string, minutes: number): string | undefined {
	const key = timestampKey(at);
	const match = /^(\d{14})\.(\d{9})$/.exec(key);
	if (!match) return undefined;
	const epochMs = (Number(match[1]) - 1e12) * 1000 + Math.floor(Number(match[2]) / 1e6);
	return new Date(epochMs - minutes * 60_000).toISOString();
}
