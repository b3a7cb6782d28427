import { isPlainObject } from './attributes';
import { ApiError } from './http';
import { parseJson } from './json';
import { parseRfc3339, parseRfc3339Ns } from './time';

/** Request-body and query-string checks that answer 400 the way the service's JSON decoder would. */

export type Body = Record<string, unknown>;
export type Query = Record<string, string | string[]>;

/** Parses a JSON object body; an empty body is `{}`. */
export function parseBody(text: string): Body {
	if (text.trim() === '') return {};
	let value: unknown;
	try {
		value = parseJson(text);
	} catch (error) {
		throw new ApiError(400, `invalid JSON body: ${(error as Error).message}`);
	}
	if (!isPlainObject(value)) throw new ApiError(400, 'request body must be a JSON object');
	return value;
}

function typeName(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'bigint') return 'number';
	return typeof value;
}

function mismatch(field: string, expected: string, value: unknown): ApiError {
	return new ApiError(400, `invalid request body: field "${field}" must be ${expected}, got ${typeName(value)}`);
}

export function optString(body: Body, field: string, opts: { max?: number } = {}): string | undefined {
	const value = body[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw mismatch(field, 'a string', value);
	if (opts.max !== undefined && value.length > opts.max) {
		throw new ApiError(400, `${field} must be at most ${opts.max} characters`);
	}
	return value;
}

export function reqString(body: Body, field: string, opts: { max?: number } = {}): string {
	const value = optString(body, field, opts);
	if (value === undefined || value.trim() === '') throw new ApiError(400, `${field} is required`);
	return value;
}

export function optBool(body: Body, field: string): boolean | undefined {
	const value = body[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'boolean') throw mismatch(field, 'a boolean', value);
	return value;
}

export function optInt(body: Body, field: string): number | undefined {
	const value = body[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'bigint') throw new ApiError(400, `${field} is out of range`);
	if (typeof value !== 'number' || !Number.isInteger(value)) throw mismatch(field, 'an integer', value);
	return value;
}

export function optStringArray(body: Body, field: string): string[] | undefined {
	const value = body[field];
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value)) throw mismatch(field, 'an array of strings', value);
	for (const item of value) if (typeof item !== 'string') throw mismatch(`${field}[]`, 'a string', item);
	return value as string[];
}

export function optObject(body: Body, field: string): Body | undefined {
	const value = body[field];
	if (value === undefined || value === null) return undefined;
	if (!isPlainObject(value)) throw mismatch(field, 'an object', value);
	return value;
}

export function optEnum<T extends string>(body: Body, field: string, allowed: readonly T[]): T | undefined {
	const value = optString(body, field);
	if (value === undefined) return undefined;
	if (!allowed.includes(value as T)) throw new ApiError(400, `${field} must be one of: ${allowed.join(', ')}`);
	return value as T;
}

export function optTimestamp(body: Body, field: string): string | undefined {
	const value = optString(body, field);
	if (value === undefined || value === '') return undefined;
	if (parseRfc3339(value) === undefined) throw new ApiError(400, `${field} must be an RFC 3339 timestamp`);
	return value;
}

// ---- query string -----------------------------------------------------------------------------

export function queryString(query: Query, name: string): string | undefined {
	const value = query[name];
	return Array.isArray(value) ? value[0] : value;
}

export function queryInt(query: Query, name: string, opts: { min: number; max?: number; def: number }): number {
	const raw = queryString(query, name);
	if (raw === undefined || raw === '') return opts.def;
	if (!/^-?\d+$/.test(raw)) throw new ApiError(400, `invalid ${name}: must be an integer`);
	const n = Number(raw);
	if (n < opts.min || (opts.max !== undefined && n > opts.max)) {
		throw new ApiError(
			400,
			opts.max !== undefined
				? `invalid ${name}: must be between ${opts.min} and ${opts.max}`
				: `invalid ${name}: must be at least ${opts.min}`,
		);
	}
	return n;
}

const TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/** Go's strconv.ParseBool. */
export function queryBool(query: Query, name: string): boolean | undefined {
	const raw = queryString(query, name);
	if (raw === undefined || raw === '') return undefined;
	if (TRUE.includes(raw)) return true;
	if (FALSE.includes(raw)) return false;
	throw new ApiError(400, `invalid ${name}: must be true or false`);
}

/** An RFC 3339 query parameter as exact ns since the epoch (nothing lost below the ms). */
export function queryTimestampNs(query: Query, name: string): bigint | undefined {
	const raw = queryString(query, name);
	if (raw === undefined || raw === '') return undefined;
	const ns = parseRfc3339Ns(raw);
	if (ns === undefined) throw new ApiError(400, `invalid ${name}: must be an RFC 3339 timestamp`);
	return ns;
}

export function queryTimestamp(query: Query, name: string): number | undefined {
	const raw = queryString(query, name);
	if (raw === undefined || raw === '') return undefined;
	const ms = parseRfc3339(raw);
	if (ms === undefined) throw new ApiError(400, `invalid ${name}: must be an RFC 3339 timestamp`);
	return ms;
}
