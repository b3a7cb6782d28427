import { STATUS_CODES } from 'node:http';

/** An error answer: the body is always `{"code": <status>, "message": "..."}`. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}
}

export function errorBody(status: number, message?: string): { code: number; message: string } {
	return { code: status, message: message ?? (STATUS_CODES[status] ?? 'error').toLowerCase() };
}

/** What a route answers; the server turns it into bytes (and may damage it with a fault). */
export interface Reply {
	status: number;
	/** JSON body (written with the bigint-aware writer). */
	json?: unknown;
	/** Raw body text (used with `contentType`). */
	text?: string;
	contentType?: string;
	headers?: Record<string, string>;
	/** Set by the stream route: the server hands the socket over instead of writing a body. */
	stream?: true;
}

export const ok = (json: unknown, status = 200): Reply => ({ status, json });
/** `200 OK` with an empty body, as the spec's deletes answer. */
export const emptyOk = (): Reply => ({ status: 200 });
