import { NodeOperationError, type INode } from 'n8n-workflow';

import { quoteValue } from './quote';

/**
 * Ids placed in a URL path. An id of `..` or `.` is a dot segment: the HTTP client resolves it
 * like a directory step, so `DELETE /v1/objects/company/attributes/..` deletes the object type
 * itself. Percent-encoding does not help (`%2e%2e` is a dot segment to URL parsers too), and a
 * server or proxy may decode twice. So every id bound for a path is refused, before anything is
 * sent, when it (or any decoding of it, or its Unicode-compatible form) is empty, made of dots
 * only, or holds a character that ends or changes a path segment or the URL: `/ \ ? # ;` or a
 * control character.
 */

/** Longer than any id either service issues; a longer value is a mistake (or an attack). */
export const MAX_PATH_ID_LENGTH = 512;

const DOTS_ONLY = /^\.+$/;
const SEGMENT_BREAKERS = /[/\\?#;]/;
// C0 and C1 controls and DEL (Unicode's Cc: U+0000-U+001F, U+007F-U+009F), and the Unicode line and
// paragraph separators. Named by property: the same set, without control characters in the pattern.
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/** Every form a server might see the text in: as is, percent-decoded (repeatedly), and NFKC-normalised. */
function readings(text: string): string[] {
	const forms = [text];
	let current = text;
	for (let round = 0; round < 4; round++) {
		let decoded: string;
		try {
			decoded = decodeURIComponent(current);
		} catch {
			break;
		}
		if (decoded === current) break;
		forms.push(decoded);
		current = decoded;
	}
	return [...forms, ...forms.map((form) => form.normalize('NFKC'))];
}

/** Why `value` cannot be an id in a URL path, or undefined when it can. */
export function pathIdProblem(value: unknown): string | undefined {
	if (typeof value === 'number' || typeof value === 'bigint') {
		if (typeof value === 'number' && !Number.isSafeInteger(value)) {
			return Number.isInteger(value)
				? 'is a number above 2^53, which was rounded before the node saw it: pass the id as a string (in an expression, quote it or use .toString() on the source text)'
				: 'is not a whole number';
		}
		return undefined;
	}
	if (value !== undefined && value !== null && typeof value !== 'string') return 'is not text';
	const text = (value ?? '').trim();
	if (text === '') return 'is empty';
	if (text.length > MAX_PATH_ID_LENGTH) return `is ${text.length} characters long, more than any id (${MAX_PATH_ID_LENGTH})`;
	for (const form of readings(text)) {
		if (DOTS_ONLY.test(form.trim())) return 'is made of dots only, which would name a different resource in the URL';
		if (CONTROL.test(form)) return 'contains a control character';
		if (SEGMENT_BREAKERS.test(form)) return 'contains "/", "\\", "?", "#" or ";" (give the id alone, not a URL or a path)';
	}
	return undefined;
}

/** The error for a path id that cannot be sent: names the field, quotes at most a prefix of the value. */
export function pathIdError(node: INode, label: string, value: unknown, problem: string): NodeOperationError {
	const shown = value === undefined || value === null || (typeof value === 'string' && value.trim() === '') ? '' : ` ${quoteValue(value)}`;
	const headline = problem === 'is empty' ? `${label} is empty` : `${label}${shown} is not a valid id: it ${problem}`;
	return new NodeOperationError(node, headline, {
		description: `Enter the ${label} of the item to use (or an expression that gives it). Nothing was sent.`,
	});
}

/** The id, trimmed, when it is safe in a path; otherwise an error naming the field. */
export function checkPathId(node: INode, value: unknown, label: string): string {
	const problem = pathIdProblem(value);
	if (problem !== undefined) throw pathIdError(node, label, value, problem);
	return String(value).trim();
}

/** The id as one encoded path segment, after `checkPathId`. */
export function encodePathId(node: INode, value: unknown, label: string): string {
	return encodeURIComponent(checkPathId(node, value, label));
}

/**
 * The last line of defence, run on the path of every request both nodes and their triggers send:
 * the first segment that a URL parser or server would read as a directory step or a break (see
 * the rules above), or undefined. The ids' own checks name the field; this one catches a path
 * built any other way.
 */
export function unsafePathSegment(url: string): string | undefined {
	const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0];
	for (const segment of path.split('/').slice(1)) {
		if (segment === '') continue;
		for (const form of readings(segment)) {
			if (DOTS_ONLY.test(form.trim()) || CONTROL.test(form) || /[/\\;]/.test(form)) return segment;
		}
	}
	return undefined;
}

/**
 * The parameters an operation's URL takes its path from: `{name}` placeholders, and
 * `$parameter.name` / `$parameter["name"]` in an expression URL.
 */
export function pathParametersOf(url: string): string[] {
	const names = new Set<string>();
	for (const match of url.matchAll(/\{(\w+)\}/g)) names.add(match[1]);
	if (url.startsWith('=')) {
		for (const match of url.matchAll(/\$parameter(?:\.(\w+)|\[\s*["'](\w+)["']\s*\])/g)) names.add(match[1] ?? match[2]);
	}
	return [...names];
}
