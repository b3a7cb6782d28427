import type { IncomingHttpHeaders } from 'node:http';

/** What a route answers; the server writes it (or hands it to a fault). */
export interface Reply {
	status: number;
	headers: Record<string, string>;
	/** JSON text, or undefined for no body. */
	body?: string;
	/** A long-lived answer (an SSE stream), written as it comes. */
	stream?: ReadableStream<Uint8Array>;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
	return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

/** A request as the routes see it. */
export interface ApiRequest {
	method: string;
	path: string;
	rawQuery: string;
	headers: IncomingHttpHeaders;
	bodyText: string;
	ip: string;
}

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
	const v = headers[name.toLowerCase()];
	return Array.isArray(v) ? v.join(', ') : v;
}

/** An edge-function error `{"error": "<code>", "message": "..."}`. */
export class EdgeError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly headers: Record<string, string> = {},
		readonly extra: Record<string, unknown> = {},
	) {
		super(message);
		this.name = 'EdgeError';
	}

	toReply(): Reply {
		return json(this.status, { error: this.code, message: this.message, ...this.extra }, this.headers);
	}
}
