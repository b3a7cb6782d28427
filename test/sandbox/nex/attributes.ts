import { ApiError } from './http';
import type { AttributeDef, ObjectDef } from './types';

/**
 * Checks record attribute values against an object's attribute definitions and returns them in
 * stored form. Unknown slugs, wrong types and missing required attributes answer 400.
 */
export function normaliseAttributes(
	object: ObjectDef,
	input: Record<string, unknown>,
	mode: 'create' | 'update',
): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, raw] of Object.entries(input)) {
		const def = findAttribute(object.attributes, key);
		if (!def) throw new ApiError(400, `unknown attribute "${key}" for object "${object.slug}"`);
		if (raw === null) {
			if (def.options.is_required) throw new ApiError(400, `attribute "${def.slug}" is required and cannot be null`);
			out[def.slug] = null;
			continue;
		}
		if (def.options.is_multi_value) {
			const values = Array.isArray(raw) ? raw : [raw];
			out[def.slug] = values.map((v) => checkValue(def, v));
		} else {
			if (Array.isArray(raw)) throw new ApiError(400, `attribute "${def.slug}" takes a single value, not an array`);
			out[def.slug] = checkValue(def, raw);
		}
	}
	if (mode === 'create') {
		for (const def of object.attributes) {
			if (def.options.is_required && (out[def.slug] === undefined || out[def.slug] === null)) {
				throw new ApiError(400, `attribute "${def.slug}" is required`);
			}
		}
	}
	return out;
}

/** By slug, or by attribute id (decimal string). */
export function findAttribute(attributes: AttributeDef[], slugOrId: string): AttributeDef | undefined {
	return attributes.find((a) => a.slug === slugOrId) ?? attributes.find((a) => a.id.toString() === slugOrId);
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const DOMAIN = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i;

function checkValue(def: AttributeDef, value: unknown): unknown {
	const bad = (what: string): never => {
		throw new ApiError(400, `invalid value for attribute "${def.slug}" (${def.type}): expected ${what}`);
	};
	switch (def.type) {
		case 'text':
			return typeof value === 'string' ? value : bad('a string');
		case 'number':
			if (typeof value === 'bigint') return value;
			if (typeof value !== 'number' || !Number.isFinite(value)) return bad('a number');
			if (def.options.is_whole_number && !Number.isInteger(value)) return bad('a whole number');
			return value;
		case 'boolean':
			return typeof value === 'boolean' ? value : bad('true or false');
		case 'email':
			return typeof value === 'string' && EMAIL.test(value) ? value : bad('an email address');
		case 'domain':
			return typeof value === 'string' && DOMAIN.test(value) ? value.toLowerCase() : bad('a domain such as example.com');
		case 'url':
			return typeof value === 'string' && /^https?:\/\/\S+$/i.test(value) ? value : bad('an http(s) URL');
		case 'date':
			return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}([Tt ].*)?$/.test(value) && !Number.isNaN(Date.parse(value))
				? value
				: bad('a date (YYYY-MM-DD or RFC 3339)');
		case 'select': {
			if (typeof value !== 'string') return bad('an option name or id');
			const options = def.options.select_options ?? [];
			const option =
				options.find((o) => o.id === value) ?? options.find((o) => o.name.toLowerCase() === value.toLowerCase());
			return option ? option.name : bad(`one of ${options.map((o) => JSON.stringify(o.name)).join(', ')}`);
		}
		case 'currency':
			if (typeof value === 'number' || typeof value === 'bigint') return value;
			return isPlainObject(value) ? value : bad('an amount or {amount, currency_code}');
		case 'full_name':
			if (typeof value === 'string') return value.trim() ? value : bad('a non-empty name');
			if (isPlainObject(value)) {
				const o = value as Record<string, unknown>;
				const parts = [o.first_name, o.last_name, o.full_name].filter((p) => p !== undefined);
				if (parts.length === 0 || parts.some((p) => typeof p !== 'string')) {
					return bad('a string or {first_name, last_name}');
				}
				return value;
			}
			return bad('a string or {first_name, last_name}');
		case 'phone':
		case 'location':
		case 'social_profile':
			return typeof value === 'string' || isPlainObject(value) ? value : bad('a string or an object');
		default:
			return value;
	}
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Comparable key for unique-attribute lookups and upsert matching. */
export function matchKey(value: unknown): string {
	if (typeof value === 'string') return value.trim().toLowerCase();
	if (typeof value === 'bigint') return value.toString();
	return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** Display form of a name attribute: a string, or first and last name joined. */
export function displayName(value: unknown): string {
	if (typeof value === 'string') return value;
	if (isPlainObject(value)) {
		if (typeof value.full_name === 'string') return value.full_name;
		return [value.first_name, value.last_name].filter((p) => typeof p === 'string' && p).join(' ');
	}
	if (Array.isArray(value)) return value.map(displayName).join(', ');
	return value === undefined || value === null ? '' : String(value);
}
