import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultSpec } from '../../shared/faults';
import type { Reply } from '../http';

/**
 * Faults on an answer the MCP server streams as SSE (`text/event-stream`, chunked, no
 * Content-Length), as a streamable-HTTP server or a proxy in front of it cuts one:
 *
 * - `reset`: the headers and the first half of the stream, then the connection is torn down.
 * - `drop-stream`: the stream ends cleanly after `afterEvents` events (default: every event
 *   before the JSON-RPC response), so the answer never holds the result.
 * - `truncate`: the stream ends cleanly in the middle of an event.
 *
 * The tool ran before any of these: its effect is applied, only the answer is lost.
 */
export function isSseReply(reply: Reply): boolean {
	const type = Object.entries(reply.headers ?? {}).find(([key]) => key.toLowerCase() === 'content-type')?.[1];
	return /^text\/event-stream/i.test(String(type ?? '')) && typeof reply.body === 'string';
}

export function applySseFault(fault: FaultSpec, req: IncomingMessage, res: ServerResponse, reply: Reply, extraHeaders: Record<string, string>): boolean {
	if (fault.kind !== 'reset' && fault.kind !== 'drop-stream' && fault.kind !== 'truncate') return false;
	const body = reply.body ?? '';
	const headers = { ...extraHeaders, ...(reply.headers ?? {}) };
	delete headers['content-length'];
	res.writeHead(reply.status, headers);
	if (fault.kind === 'reset') {
		res.write(body.slice(0, Math.max(1, Math.floor(body.length / 2))));
		setTimeout(() => req.socket.destroy(), 5);
		return true;
	}
	if (fault.kind === 'truncate') {
		res.end(body.slice(0, Math.max(1, Math.floor(body.length / 2))));
		return true;
	}
	const events = body.split(/(?<=\r?\n\r?\n)/).filter((event) => event.trim() !== '');
	const beforeResponse = events.findIndex(isResponseEvent);
	const keep = fault.afterEvents ?? (beforeResponse === -1 ? events.length : beforeResponse);
	res.end(events.slice(0, keep).join(''));
	return true;
}

function isResponseEvent(event: string): boolean {
	const data = event
		.split(/\r?\n/)
		.filter((line) => line.startsWith('data:'))
		.map((line) => line.slice(5).replace(/^ /, ''))
		.join('\n');
	try {
		const message = JSON.parse(data) as Record<string, unknown>;
		return 'id' in message && ('result' in message || 'error' in message);
	} catch {
		return false;
	}
}
