import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiKey } from './auth';
import { makeBatch } from './insights';
import { toJson } from './json';
import { streamInsight } from './present';
import type { NexStore } from './store';
import type { InsightBatch } from './types';

/**
 * The insight stream (`GET /v1/insights/stream`), framed as the vendor frames it:
 *
 *     : connected workspace_id=<id> token_id=<id>
 *
 *     event: insight.replay
 *     data: {"workspace":{...},"insights":[...],"insight_count":1,"emitted_at":"..."}
 *
 *     event: insight.batch.created
 *     data: {"workspace":{...},"insights":[...],"insight_count":3,"emitted_at":"..."}
 *
 *     : keepalive
 *
 * One `data:` line per event, no `id:` and no `retry:` lines. Tests can ask for one event to be
 * written with CRLF or CR line ends and cut into chunks at any byte (also inside a UTF-8 character).
 */

export const REPLAY_LIMIT = 20;

export type LineEnding = 'lf' | 'crlf' | 'cr';

export interface StreamWriteOptions {
	/** Line ends of this event (default LF). */
	lineEnding?: LineEnding;
	/** Cut the event's bytes into pieces of this size. */
	chunkSize?: number;
	/** Cut the event's bytes at these offsets. */
	splitAt?: number[];
	/** Cut inside the first multi-byte UTF-8 character of the event. */
	splitInsideUtf8?: boolean;
	/** Pause between pieces so they reach the client as separate reads (default 15 ms). */
	chunkDelayMs?: number;
}

const EOL: Record<LineEnding, string> = { lf: '\n', crlf: '\r\n', cr: '\r' };

interface StreamClient {
	id: number;
	req: IncomingMessage;
	res: ServerResponse;
	key: ApiKey;
	events: number;
	dropAfter?: number;
	queue: Promise<void>;
	keepalive?: NodeJS.Timeout;
	closed: boolean;
}

export function formatEvent(event: string, data: string, lineEnding: LineEnding = 'lf'): string {
	const eol = EOL[lineEnding];
	return `event: ${event}${eol}data: ${data}${eol}${eol}`;
}

/** Byte offsets where an event is cut, per the write options. */
export function cutPoints(bytes: Buffer, options: StreamWriteOptions): number[] {
	const cuts = new Set<number>();
	if (options.chunkSize && options.chunkSize > 0) {
		for (let i = options.chunkSize; i < bytes.length; i += options.chunkSize) cuts.add(i);
	}
	for (const at of options.splitAt ?? []) if (at > 0 && at < bytes.length) cuts.add(at);
	if (options.splitInsideUtf8) {
		const lead = bytes.findIndex((b) => b >= 0xc0);
		if (lead >= 0) cuts.add(lead + 1);
	}
	return [...cuts].sort((a, b) => a - b);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class InsightStreamHub {
	private readonly clients = new Set<StreamClient>();
	private nextId = 1;

	constructor(private readonly store: NexStore) {}

	count(): number {
		return this.clients.size;
	}

	/** Takes over the response: headers, connect comment, replay, keepalives. */
	attach(req: IncomingMessage, res: ServerResponse, key: ApiKey, dropAfter?: number): void {
		res.writeHead(200, {
			'content-type': 'text/event-stream',
			'cache-control': 'no-cache',
			connection: 'keep-alive',
			'x-accel-buffering': 'no',
		});
		res.flushHeaders();
		req.socket.setNoDelay(true);
		const client: StreamClient = { id: this.nextId++, req, res, key, events: 0, dropAfter, queue: Promise.resolve(), closed: false };
		this.clients.add(client);
		const cleanup = () => this.detach(client);
		res.on('close', cleanup);
		req.on('close', cleanup);

		this.enqueue(client, `: connected workspace_id=${this.store.workspaceId} token_id=${key.tokenId}\n\n`, {}, false);
		if (dropAfter === 0) {
			this.enqueueEnd(client);
			return;
		}
		this.replay(client);
		const interval = this.store.config.keepaliveIntervalMs;
		if (interval > 0) {
			client.keepalive = setInterval(() => this.enqueue(client, ': keepalive\n\n', {}, false), interval);
			client.keepalive.unref();
		}
	}

	private replay(client: StreamClient): void {
		const recent = this.store.insights.slice(-REPLAY_LIMIT);
		if (recent.length === 0) return;
		switch (this.store.config.replayFormat) {
			case 'batch':
				this.enqueue(client, formatEvent('insight.replay', toJson(makeBatch(this.store, recent))), {}, true);
				break;
			case 'simplified':
				for (const insight of recent) this.enqueue(client, formatEvent('insight.replay', toJson(streamInsight(insight))), {}, true);
				break;
			default:
				for (const insight of recent) {
					const batch = makeBatch(this.store, [insight], insight.createdNs);
					this.enqueue(client, formatEvent('insight.replay', toJson(batch)), {}, true);
				}
		}
	}

	/** Sends one `insight.batch.created` event to every connected client. */
	broadcast(batch: InsightBatch, options: StreamWriteOptions = {}): void {
		const text = formatEvent('insight.batch.created', toJson(batch), options.lineEnding);
		for (const client of this.clients) this.enqueue(client, text, options, true);
	}

	/** Ends every stream: 'end' closes cleanly, 'destroy' resets the socket. */
	drop(mode: 'end' | 'destroy' = 'end'): number {
		const clients = [...this.clients];
		for (const client of clients) {
			if (mode === 'destroy') {
				this.detach(client);
				client.req.socket.destroy();
			} else {
				this.enqueueEnd(client);
			}
		}
		return clients.length;
	}

	closeAll(): void {
		for (const client of [...this.clients]) {
			this.detach(client);
			client.res.end();
			client.req.socket.destroy();
		}
	}

	private detach(client: StreamClient): void {
		if (client.closed) return;
		client.closed = true;
		if (client.keepalive) clearInterval(client.keepalive);
		this.clients.delete(client);
	}

	private enqueue(client: StreamClient, text: string, options: StreamWriteOptions, isEvent: boolean): void {
		client.queue = client.queue
			.then(async () => {
				if (client.closed) return;
				const bytes = Buffer.from(text, 'utf8');
				const cuts = cutPoints(bytes, options);
				if (cuts.length === 0) {
					client.res.write(bytes);
				} else {
					let start = 0;
					for (const cut of [...cuts, bytes.length]) {
						if (client.closed) return;
						client.res.write(bytes.subarray(start, cut));
						start = cut;
						if (cut < bytes.length) await sleep(options.chunkDelayMs ?? 15);
					}
				}
				if (isEvent) {
					client.events++;
					if (client.dropAfter !== undefined && client.events >= client.dropAfter) this.finish(client);
				}
			})
			.catch(() => this.detach(client));
	}

	private enqueueEnd(client: StreamClient): void {
		client.queue = client.queue.then(() => this.finish(client));
	}

	private finish(client: StreamClient): void {
		if (client.closed) return;
		this.detach(client);
		client.res.end();
	}
}
