import type { IDataObject, ITriggerFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { HttpStatusFailure } from '../shared/http';
import { parseJsonKeepingIds } from '../shared/losslessJson';
import { parseRetryAfter } from '../shared/retry';
import { nexTransport, type NexCallSpec } from '../Nex/shared/transport';
import { reconnectDelay, type BackoffSettings } from './backoff';
import type { NexSession } from './session';
import { SseParser, type SseMessage } from './sse/parser';
import { destroyBody, headerValue, pump, readLimited } from './answer';

/**
 * The connection to `GET /v1/insights/stream`, kept open while the workflow is active.
 *
 * - Connects through n8n's request helper, signed with the Nex credential read at activation
 *   (`session.ts`), with `encoding: 'stream'` (the body is a Node readable), so proxies are n8n's.
 * - Reconnects after any drop, error or non-2xx answer, with exponential backoff and jitter:
 *   right away (within a random share of the first delay) after a connection that delivered
 *   events, then base·2^n·[0.5, 1) up to a ceiling; Retry-After is honoured.
 * - A watchdog reconnects when neither data nor a keepalive arrived for `watchdogMs`; it also
 *   bounds the wait for the answer's headers. It is a loop of abortable sleeps that compares
 *   the time of the last activity (node code may not use timers directly).
 * - 401 and 403 stop the loop: a wrong key or a missing scope does not heal by retrying, so the
 *   error is reported once through `onFatal` instead of a storm of requests.
 * - `close()` aborts the request, the body, the watchdog and any backoff sleep, and resolves when
 *   the loop has ended, so nothing is left running.
 */

export const STREAM_SPEC: NexCallSpec = { safeToRepeat: true, scope: 'insight.stream' };

export interface StreamSettings extends BackoffSettings {
	/** Reconnect when nothing arrived for this long. */
	watchdogMs: number;
	/** A connection that stayed up this long counts as healthy even without events. */
	healthyAfterMs?: number;
}

export interface OpenInfo {
	/** The server's clock (`Date` header), ms. */
	serverTime?: number;
	/** Connections made so far, this one included. */
	connection: number;
}

export interface StreamHandlers {
	/** After a 2xx answer, before the body is read (the gap fill). A throw counts as a failed connection. */
	onOpen(info: OpenInfo, signal: AbortSignal): Promise<void>;
	/** Every parsed event or comment, in order. */
	onMessage(message: SseMessage): void;
	/** The loop stopped for good (401/403): the error to show. */
	onFatal(error: Error): void;
}

class WatchdogTimeout extends Error {
	constructor(ms: number) {
		super(`No data or keepalive from the insight stream for ${ms} ms`);
	}
}

class ClosedByClient extends Error {
	constructor() {
		super('The trigger was closed');
	}
}

/** The status failure behind an error, if it is one (gap fill, stream answer). */
function statusOf(error: unknown): HttpStatusFailure | undefined {
	return error instanceof HttpStatusFailure ? error : undefined;
}

export class InsightStreamConnection {
	private readonly closing = new AbortController();

	private running: Promise<void> | undefined;

	/** Consecutive connections that failed before delivering anything. */
	private failures = 0;

	private connections = 0;

	private lastActivity = 0;

	/** While the gap fill runs the stream is not read: the watchdog waits (the requests have their own timeout). */
	private watchdogPaused = false;

	private retryAfterMs: number | undefined;

	constructor(
		private readonly context: ITriggerFunctions,
		private readonly session: NexSession,
		private readonly handlers: StreamHandlers,
		private readonly settings: StreamSettings,
	) {}

	get closed(): boolean {
		return this.closing.signal.aborted;
	}

	start(): void {
		this.running ??= this.loop();
	}

	/** Ends the connection and every wait; resolves once nothing is left running. */
	async close(): Promise<void> {
		this.stop();
		await this.running;
	}

	/** Ends the loop without waiting (e.g. from inside a handler). */
	stop(): void {
		if (!this.closing.signal.aborted) this.closing.abort(new ClosedByClient());
	}

	private async loop(): Promise<void> {
		while (!this.closed) {
			const { healthy, failure } = await this.connectOnce();
			if (failure !== undefined) {
				if (this.closed) break;
				const status = statusOf(failure);
				if (status && (status.status === 401 || status.status === 403)) {
					this.stop();
					this.handlers.onFatal(nexTransport.userError(this.context, STREAM_SPEC, status));
					break;
				}
				this.retryAfterMs = status ? parseRetryAfter(status.headers['retry-after']) : undefined;
				this.context.logger.debug(`Nex insight stream: connection failed (${(failure as Error)?.message}); reconnecting`);
			}
			if (this.closed) break;
			this.failures = healthy ? 0 : this.failures + 1;
			try {
				await sleep(this.nextDelay(), this.closing.signal);
			} catch {
				break;
			}
		}
	}

	private nextDelay(): number {
		const delay = reconnectDelay(this.failures, this.settings, this.retryAfterMs);
		this.retryAfterMs = undefined;
		return delay;
	}

	/** One connection, from request to end of stream: whether it was healthy (delivered events), and why it failed. */
	private async connectOnce(): Promise<{ healthy: boolean; failure?: unknown }> {
		const connection = new AbortController();
		const onClose = () => connection.abort(new ClosedByClient());
		this.closing.signal.addEventListener('abort', onClose, { once: true });
		this.lastActivity = Date.now();
		const watchdog = this.watch(connection);
		let body: unknown;
		let events = 0;
		let failure: unknown;
		const openedAt = Date.now();
		try {
			this.connections++;
			const response = await this.session.request({
				method: 'GET',
				url: `${this.session.baseUrl}/v1/insights/stream`,
				headers: { Accept: 'text/event-stream', 'Cache-Control': 'no-cache' },
				encoding: 'stream',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				abortSignal: connection.signal,
				// Bounds the wait for headers only; the watchdog guards the open stream.
				timeout: this.settings.watchdogMs + 5_000,
			});
			body = response.body;
			this.lastActivity = Date.now();
			const headers = (response.headers ?? {}) as IDataObject;
			if (response.statusCode < 200 || response.statusCode >= 300) {
				const text = await readLimited(body, connection.signal);
				let parsed: unknown = text;
				try {
					parsed = parseJsonKeepingIds(text);
				} catch {
					parsed = text;
				}
				throw new HttpStatusFailure(response.statusCode, headers as Record<string, unknown>, parsed, text);
			}
			const contentType = headerValue(headers, 'content-type');
			if (contentType !== undefined && !contentType.includes('text/event-stream')) {
				throw new Error(`The insight stream answered with ${contentType} instead of text/event-stream`);
			}
			const serverTime = Date.parse(headerValue(headers, 'date') ?? '');
			this.watchdogPaused = true;
			try {
				await this.handlers.onOpen(
					{ serverTime: Number.isNaN(serverTime) ? undefined : serverTime, connection: this.connections },
					connection.signal,
				);
			} finally {
				this.watchdogPaused = false;
				this.lastActivity = Date.now();
			}
			const parser = new SseParser();
			await pump(body, connection.signal, (chunk) => {
				this.lastActivity = Date.now();
				for (const message of parser.push(chunk)) {
					if (message.kind === 'event') events++;
					this.handlers.onMessage(message);
					if (this.closed) return false;
				}
				return !this.closed;
			});
			if (!this.closed) this.context.logger.debug('Nex insight stream: the server ended the stream; reconnecting');
		} catch (error) {
			if (connection.signal.aborted && !this.closed && connection.signal.reason instanceof WatchdogTimeout) {
				this.context.logger.debug(`Nex insight stream: ${connection.signal.reason.message}; reconnecting`);
			} else if (!this.closed) {
				failure = error ?? new Error('Unknown failure');
			}
		} finally {
			this.closing.signal.removeEventListener('abort', onClose);
			// Abort first: n8n's request helper ends the socket on abort, then the body is destroyed.
			if (!connection.signal.aborted) connection.abort(new ClosedByClient());
			destroyBody(body);
			await watchdog;
		}
		return { healthy: events > 0 || Date.now() - openedAt >= (this.settings.healthyAfterMs ?? 30_000), failure };
	}

	/** Aborts the connection when nothing arrived for `watchdogMs`; ends when the connection ends. */
	private async watch(connection: AbortController): Promise<void> {
		const idleMs = this.settings.watchdogMs;
		while (!connection.signal.aborted) {
			if (this.watchdogPaused) this.lastActivity = Date.now();
			const wait = this.lastActivity + idleMs - Date.now();
			if (wait <= 0) {
				connection.abort(new WatchdogTimeout(idleMs));
				return;
			}
			try {
				await sleep(wait, connection.signal);
			} catch {
				return;
			}
		}
	}
}
