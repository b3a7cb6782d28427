import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Faults a sandbox can inject into its next matching requests. Both sandboxes use this one
 * module so a test speaks the same fault language to Nex and to Nexus.
 */
export type FaultKind =
	| 'status' // answer `status` (429, 500, 502, 503, ...) with the service's error body
	| 'reset' // send headers and part of the body, then destroy the socket
	| 'truncate' // send a JSON body cut in half with a correct-looking Content-Length for the cut body
	| 'stall' // accept the request and answer nothing for `stallMs` (then close the socket)
	| 'delay' // a slow server: answer as usual, but only after `stallMs`
	| 'drop-stream'; // for SSE: end the stream after `afterEvents` events

export interface FaultSpec {
	kind: FaultKind;
	/** HTTP status for kind 'status'. */
	status?: number;
	/** Seconds for a Retry-After header (only sent when set). */
	retryAfter?: number;
	/** How many matching requests are affected (default 1). */
	count?: number;
	/** Only requests with this method (upper case) match. */
	method?: string;
	/** Only requests whose path (without query) contains this text match. */
	pathIncludes?: string;
	/** For 'stall' and 'delay': how long to hold the request. */
	stallMs?: number;
	/** For 'drop-stream': events to send before the drop. */
	afterEvents?: number;
	/** Skip this many matching requests before the fault applies (default 0). */
	skip?: number;
}

interface ActiveFault extends Required<Pick<FaultSpec, 'kind' | 'count' | 'skip'>> {
	spec: FaultSpec;
}

export class FaultInjector {
	private active: ActiveFault[] = [];

	add(spec: FaultSpec): void {
		this.active.push({ kind: spec.kind, count: spec.count ?? 1, skip: spec.skip ?? 0, spec });
	}

	clear(): void {
		this.active = [];
	}

	pending(): FaultSpec[] {
		return this.active.map((f) => ({ ...f.spec, count: f.count, skip: f.skip }));
	}

	/** Returns the fault that applies to this request (consuming one use), if any. */
	take(method: string, path: string, kinds?: FaultKind[]): FaultSpec | undefined {
		for (const fault of this.active) {
			const { spec } = fault;
			if (kinds && !kinds.includes(spec.kind)) continue;
			if (spec.method && spec.method.toUpperCase() !== method.toUpperCase()) continue;
			if (spec.pathIncludes && !path.includes(spec.pathIncludes)) continue;
			if (fault.skip > 0) {
				fault.skip--;
				continue;
			}
			fault.count--;
			if (fault.count <= 0) this.active = this.active.filter((f) => f !== fault);
			return spec;
		}
		return undefined;
	}
}

/**
 * For 'delay': waits `stallMs` unless the client hangs up first. Answers false when it did (it
 * gave up on the request, e.g. at its timeout), so the sandbox can log that and not answer.
 */
export async function waitForDelay(fault: FaultSpec, req: IncomingMessage): Promise<boolean> {
	const socket = req.socket;
	if (socket.destroyed) return false;
	return await new Promise<boolean>((resolve) => {
		const onClose = () => {
			clearTimeout(timer);
			resolve(false);
		};
		const timer = setTimeout(() => {
			socket.off('close', onClose);
			resolve(!socket.destroyed);
		}, fault.stallMs ?? 0);
		socket.once('close', onClose);
	});
}

/**
 * Applies a non-stream fault to a response. `errorBody` renders the service's own error shape.
 * `fullBody` is the answer the request would have had (used by 'reset' and 'truncate').
 * `onStallEnd` hears who ended a 'stall': the client closing first (`abandoned`) or the sandbox.
 */
export function applyFault(
	fault: FaultSpec,
	req: IncomingMessage,
	res: ServerResponse,
	errorBody: (status: number) => unknown,
	fullBody: string,
	onStallEnd?: (abandoned: boolean) => void,
): void {
	switch (fault.kind) {
		case 'status': {
			const status = fault.status ?? 500;
			const headers: Record<string, string> = { 'content-type': 'application/json' };
			if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
			res.writeHead(status, headers);
			res.end(JSON.stringify(errorBody(status)));
			return;
		}
		case 'reset': {
			res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(fullBody)) });
			res.write(fullBody.slice(0, Math.max(1, Math.floor(fullBody.length / 2))));
			setTimeout(() => req.socket.destroy(), 5);
			return;
		}
		case 'truncate': {
			const cut = fullBody.slice(0, Math.max(1, Math.floor(fullBody.length / 2)));
			res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(cut)) });
			res.end(cut);
			return;
		}
		case 'stall': {
			let stallOver = false;
			const timer = setTimeout(() => {
				stallOver = true;
				req.socket.destroy();
			}, fault.stallMs ?? 60_000);
			req.socket.once('close', () => {
				clearTimeout(timer);
				onStallEnd?.(!stallOver);
			});
			return;
		}
		default:
			res.writeHead(500, { 'content-type': 'application/json' });
			res.end(JSON.stringify(errorBody(500)));
	}
}
