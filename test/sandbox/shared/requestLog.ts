/** Every request a sandbox received, so tests can assert exactly what a node sent. */
export interface LoggedRequest {
	method: string;
	/** Path without the query string, e.g. `/api/developers/v1/records`. */
	path: string;
	/** Query parameters as received (repeated keys keep every value). */
	query: Record<string, string | string[]>;
	/** Raw query string after `?` (undecoded), for tests that check encoding. */
	rawQuery: string;
	/** Header names are lower case. */
	headers: Record<string, string | string[] | undefined>;
	/** Raw request body text ('' when none). */
	bodyText: string;
	/** Parsed JSON body, or undefined when the body is empty or not JSON. */
	body: unknown;
	/** HTTP status the sandbox answered (or the fault it applied). */
	status?: number;
	fault?: string;
	/**
	 * For a 'stall' or 'delay': true when the client closed the connection first (it gave up, e.g.
	 * at its timeout), false when the sandbox ended it; undefined while it lasts.
	 */
	abandoned?: boolean;
	at: number;
	/** When the answer was sent (the Nex sandbox: requests in flight at once overlap). */
	answeredAt?: number;
}

export class RequestLog {
	readonly entries: LoggedRequest[] = [];

	record(entry: LoggedRequest): LoggedRequest {
		this.entries.push(entry);
		return entry;
	}

	clear(): void {
		this.entries.length = 0;
	}

	/** Requests whose path contains `pathPart` (and method, if given). */
	find(pathPart: string, method?: string): LoggedRequest[] {
		return this.entries.filter(
			(e) => e.path.includes(pathPart) && (!method || e.method === method.toUpperCase()),
		);
	}
}

export function parseQuery(rawQuery: string): Record<string, string | string[]> {
	const query: Record<string, string | string[]> = {};
	for (const [key, value] of new URLSearchParams(rawQuery)) {
		const existing = query[key];
		if (existing === undefined) query[key] = value;
		else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return query;
}

export async function readBody(req: import('node:http').IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}
