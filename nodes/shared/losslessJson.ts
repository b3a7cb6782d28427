/**
 * JSON parsing that keeps ids exact.
 *
 * Nex writes some ids as JSON numbers above 2^53 (`artifact_id`, `context_id`, ...). `JSON.parse`
 * rounds them silently. The package may not have runtime dependencies, so instead of bundling a
 * lossless JSON library this file does the one thing needed: before `JSON.parse`, every integer
 * literal outside a string that a double cannot hold exactly is wrapped in quotes, so it reaches
 * the workflow as the same digits, as a string. Then every number stored under an id-like key
 * (`id`, `*_id`, `*_ids`) becomes a string too, so a workflow sees one type for ids whatever their
 * size. The scanner is a single pass over the text; its tests compare it with a lossless parser.
 */

const ID_KEY = /(^|_)ids?$/i;

function isUnsafeInteger(literal: string): boolean {
	const digits = literal.startsWith('-') ? literal.slice(1) : literal;
	if (digits.length < 16) return false;
	return !Number.isSafeInteger(Number(literal));
}

/**
 * Where a JSON number with 16 or more digits could start outside a string: a value begins the
 * text or follows `:`, `[` or `,` (and whitespace). Text without such a place, which is most
 * answers (ids sent as strings), needs no scan; a match inside a string only costs the scan.
 */
const LONG_NUMBER_CANDIDATE = /(?:^|[:,[])\s*-?\d{16}/;

/** Wraps integer literals beyond Number.MAX_SAFE_INTEGER in quotes; leaves everything else byte-identical. */
export function quoteUnsafeIntegers(text: string): string {
	if (!LONG_NUMBER_CANDIDATE.test(text)) return text;
	let out = '';
	let copiedUpTo = 0;
	const length = text.length;
	let i = 0;
	while (i < length) {
		const ch = text.charCodeAt(i);
		if (ch === 0x22 /* " */) {
			// Skip the string, honouring backslash escapes.
			i++;
			while (i < length) {
				const c = text.charCodeAt(i);
				if (c === 0x5c /* \ */) i += 2;
				else if (c === 0x22) break;
				else i++;
			}
			i++;
			continue;
		}
		if (ch === 0x2d /* - */ || (ch >= 0x30 && ch <= 0x39)) {
			const start = i;
			i++;
			let integer = true;
			while (i < length) {
				const c = text.charCodeAt(i);
				if (c >= 0x30 && c <= 0x39) i++;
				else if (c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d) {
					integer = false;
					i++;
				} else break;
			}
			if (integer && i - start >= 16) {
				const literal = text.slice(start, i);
				if (isUnsafeInteger(literal)) {
					out += text.slice(copiedUpTo, start) + '"' + literal + '"';
					copiedUpTo = i;
				}
			}
			continue;
		}
		i++;
	}
	return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** Answers repeat the same keys on every row: each key is tested once (up to a bound). */
const idKeyCache = new Map<string, boolean>();

function isIdKey(key: string): boolean {
	let isId = idKeyCache.get(key);
	if (isId === undefined) {
		isId = ID_KEY.test(key);
		if (idKeyCache.size < 10_000) idKeyCache.set(key, isId);
	}
	return isId;
}

function idsToStrings(value: unknown, underIdKey: boolean): unknown {
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) value[i] = idsToStrings(value[i], underIdKey);
		return value;
	}
	if (value !== null && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		for (const key of Object.keys(record)) {
			const inner = record[key];
			// Strings, booleans and null stay as they are: only numbers and containers need a look.
			if (typeof inner === 'number') {
				if (Number.isInteger(inner) && isIdKey(key)) record[key] = String(inner);
			} else if (inner !== null && typeof inner === 'object') {
				idsToStrings(inner, isIdKey(key));
			}
		}
		return record;
	}
	if (underIdKey && typeof value === 'number' && Number.isInteger(value)) return String(value);
	return value;
}

/** Parses JSON text; unsafe integers and every integer id come back as decimal strings. */
export function parseJsonKeepingIds(text: string): unknown {
	return idsToStrings(JSON.parse(quoteUnsafeIntegers(text)), false);
}
