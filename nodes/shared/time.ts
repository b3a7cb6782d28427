/** Milliseconds of an RFC 3339 timestamp, or undefined (for clocks and ordering, never to tell items apart). */
export function timeOf(value: unknown): number | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}
