/**
 * Server-Sent Events framing, per the WHATWG HTML specification ("Interpreting an event stream").
 *
 * Hand-written because the package may not have runtime dependencies and n8n's own SSE support
 * (the SSE Trigger node) cannot be reused from a community node. The parser works on bytes, not
 * on text: lines are split on the raw bytes CR (0x0D) and LF (0x0A), which never occur inside a
 * multi-byte UTF-8 sequence, and each complete line is decoded on its own. So a chunk boundary
 * anywhere, also inside a character, needs no decoder state. Its unit tests compare it with the
 * `eventsource-parser` library on the same bytes cut at every offset.
 *
 * - Line ends: CRLF, LF or CR; a CR that ends a chunk waits to see whether an LF follows.
 * - A leading byte-order mark is dropped; invalid UTF-8 becomes U+FFFD.
 * - `data:` lines of one event are joined with LF; an event without data is not dispatched.
 * - `event:` sets the type (default `message`); `id:` sets the last event id unless it contains
 *   NUL; `retry:` with only digits is reported; other fields are ignored; `:` lines are comments.
 * - An event cut off by the end of the stream (no blank line yet) is discarded.
 */

export interface SseEvent {
	kind: 'event';
	/** The `event:` field, or `message`. */
	type: string;
	data: string;
	/** The `id:` field given in this event, if any. */
	id?: string;
	/** The last event id in force when the event was dispatched (it persists across events). */
	lastEventId: string;
}

export interface SseComment {
	kind: 'comment';
	/** Text after the colon, without one leading space. */
	text: string;
}

export interface SseRetry {
	kind: 'retry';
	ms: number;
}

export type SseMessage = SseEvent | SseComment | SseRetry;

/** Thrown when one line or one event's data grows past the parser's limit. */
export class SseOverflowError extends Error {
	constructor(limit: number) {
		super(`An event of the stream is larger than ${limit} bytes`);
	}
}

const LF = 0x0a;
const CR = 0x0d;
const DEFAULT_MAX_EVENT_BYTES = 16 * 1024 * 1024;

export class SseParser {
	/** Bytes of the line that is not complete yet. */
	private pendingParts: Buffer[] = [];

	private pendingBytes = 0;

	/** The previous chunk ended with CR: an LF at the start of the next one belongs to it. */
	private skipLeadingLf = false;

	private atStreamStart = true;

	private eventType = '';

	private dataLines: string[] = [];

	private dataBytes = 0;

	private eventId: string | undefined;

	private lastEventId = '';

	constructor(private readonly maxEventBytes = DEFAULT_MAX_EVENT_BYTES) {}

	/** Parses one chunk of the stream; returns what it completed, in order. */
	push(chunk: Uint8Array | string): SseMessage[] {
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
		const out: SseMessage[] = [];
		if (bytes.length === 0) return out;
		let start = 0;
		if (this.skipLeadingLf) {
			this.skipLeadingLf = false;
			if (bytes[0] === LF) start = 1;
		}
		for (let i = start; i < bytes.length; i++) {
			const byte = bytes[i];
			if (byte !== LF && byte !== CR) continue;
			this.line(this.takeLine(bytes.subarray(start, i)), out);
			if (byte === CR) {
				if (i + 1 < bytes.length) {
					if (bytes[i + 1] === LF) i++;
				} else {
					this.skipLeadingLf = true;
				}
			}
			start = i + 1;
		}
		if (start < bytes.length) {
			// Copied: the caller may reuse its buffer.
			this.pendingParts.push(Buffer.from(bytes.subarray(start)));
			this.pendingBytes += bytes.length - start;
			if (this.pendingBytes + this.dataBytes > this.maxEventBytes) throw new SseOverflowError(this.maxEventBytes);
		}
		return out;
	}

	/** Forgets everything, for a new connection (the last event id is kept, as the specification says). */
	reset(): void {
		this.pendingParts = [];
		this.pendingBytes = 0;
		this.skipLeadingLf = false;
		this.atStreamStart = true;
		this.clearEvent();
	}

	private takeLine(tail: Buffer): string {
		let bytes = tail;
		if (this.pendingBytes > 0) {
			this.pendingParts.push(tail);
			bytes = Buffer.concat(this.pendingParts, this.pendingBytes + tail.length);
			this.pendingParts = [];
			this.pendingBytes = 0;
		}
		let text = bytes.toString('utf8');
		if (this.atStreamStart) {
			this.atStreamStart = false;
			if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
		}
		return text;
	}

	private line(text: string, out: SseMessage[]): void {
		if (text === '') {
			this.dispatch(out);
			return;
		}
		const colon = text.indexOf(':');
		if (colon === 0) {
			out.push({ kind: 'comment', text: text.charCodeAt(1) === 0x20 ? text.slice(2) : text.slice(1) });
			return;
		}
		let field = text;
		let value = '';
		if (colon > 0) {
			field = text.slice(0, colon);
			value = text.slice(text.charCodeAt(colon + 1) === 0x20 ? colon + 2 : colon + 1);
		}
		switch (field) {
			case 'event':
				this.eventType = value;
				break;
			case 'data':
				this.dataLines.push(value);
				this.dataBytes += value.length + 1;
				if (this.dataBytes > this.maxEventBytes) throw new SseOverflowError(this.maxEventBytes);
				break;
			case 'id':
				if (!value.includes('\u0000')) {
					this.lastEventId = value;
					this.eventId = value;
				}
				break;
			case 'retry':
				if (/^[0-9]+$/.test(value)) out.push({ kind: 'retry', ms: Number(value) });
				break;
			default:
				break;
		}
	}

	private dispatch(out: SseMessage[]): void {
		if (this.dataLines.length > 0) {
			const event: SseEvent = {
				kind: 'event',
				type: this.eventType === '' ? 'message' : this.eventType,
				data: this.dataLines.join('\n'),
				lastEventId: this.lastEventId,
			};
			if (this.eventId !== undefined) event.id = this.eventId;
			out.push(event);
		}
		this.clearEvent();
	}

	private clearEvent(): void {
		this.eventType = '';
		this.dataLines = [];
		this.dataBytes = 0;
		this.eventId = undefined;
	}
}
