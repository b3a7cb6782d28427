import type { IDataObject } from 'n8n-workflow';

/**
 * The PostgREST query as ordered key/value pairs, and the value quoting of logic trees. Kept
 * apart from the query builders so the transport's paging can use them without importing the
 * builders (which read pages through the transport).
 */

/** A query as ordered key/value pairs (PostgREST allows a key to repeat: `a=gte.1&a=lte.9`). */
export type QueryPairs = Array<[string, string]>;

/**
 * Whether a value must be quoted inside `in.(…)` or a logic tree: PostgREST's reserved
 * characters `, . : ( )`, the `*` wildcard, quotes, backslashes, whitespace, braces (read as an
 * array literal), and the empty string.
 */
export function needsQuoting(value: string): boolean {
	return value === '' || /[,.:*()"\\\s{}[\]]/.test(value);
}

/** `"…"` with `"` and `\` backslash-escaped. */
export function quote(value: string): string {
	return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** The value as it must appear inside `in.(…)` or a logic tree. */
export function quoteIfNeeded(value: string): string {
	return needsQuoting(value) ? quote(value) : value;
}

export function valueText(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
	return JSON.stringify(value);
}

/** Pairs as the object n8n's request helper sends (repeated keys as arrays, sent as `k=a&k=b`). */
export function toQueryObject(pairs: QueryPairs): IDataObject {
	const query: IDataObject = {};
	for (const [key, value] of pairs) {
		const existing = query[key];
		if (existing === undefined) query[key] = value;
		else query[key] = Array.isArray(existing) ? [...(existing as string[]), value] : [existing as string, value];
	}
	return query;
}

/** Pairs from an object (array values become repeated keys). */
export function toQueryPairs(query: IDataObject | QueryPairs): QueryPairs {
	if (Array.isArray(query)) return query;
	const pairs: QueryPairs = [];
	for (const [key, value] of Object.entries(query)) {
		if (value === undefined || value === null) continue;
		for (const single of Array.isArray(value) ? value : [value]) pairs.push([key, valueText(single)]);
	}
	return pairs;
}
