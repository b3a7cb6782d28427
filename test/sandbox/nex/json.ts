import { isInteger, parse } from 'lossless-json';

/**
 * JSON text the way the Nex API writes it. `bigint` values become bare number literals, so ids
 * above 2^53 reach the client as raw digits (a double cannot hold them: a client that parses with
 * plain `JSON.parse` sees a rounded value). Undefined object members are left out, as Go's
 * `omitempty` would.
 */
export function toJson(value: unknown): string {
	const out: string[] = [];
	write(value, out);
	return out.join('');
}

function write(value: unknown, out: string[]): void {
	switch (typeof value) {
		case 'string':
			out.push(JSON.stringify(value));
			return;
		case 'number':
			out.push(Number.isFinite(value) ? String(value) : 'null');
			return;
		case 'bigint':
			out.push(value.toString());
			return;
		case 'boolean':
			out.push(value ? 'true' : 'false');
			return;
		case 'undefined':
		case 'function':
		case 'symbol':
			out.push('null');
			return;
		default:
			break;
	}
	if (value === null) {
		out.push('null');
		return;
	}
	if (Array.isArray(value)) {
		out.push('[');
		for (let i = 0; i < value.length; i++) {
			if (i > 0) out.push(',');
			write(value[i], out);
		}
		out.push(']');
		return;
	}
	const withToJson = value as { toJSON?: () => unknown };
	if (typeof withToJson.toJSON === 'function') {
		write(withToJson.toJSON(), out);
		return;
	}
	out.push('{');
	let first = true;
	for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
		if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
		if (!first) out.push(',');
		first = false;
		out.push(JSON.stringify(key), ':');
		write(member, out);
	}
	out.push('}');
}

/**
 * Parses request JSON without losing integers: integer literals a double cannot hold become
 * `bigint`, every other number a `number`. Throws SyntaxError on invalid JSON.
 */
export function parseJson(text: string): unknown {
	return parse(text, null, (literal: string) => {
		const n = Number(literal);
		if (isInteger(literal) && !Number.isSafeInteger(n)) return BigInt(literal);
		return n;
	});
}
