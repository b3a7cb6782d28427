import { createParser, type EventSourceMessage } from 'eventsource-parser';

import { parseJsonKeepingIds } from '../../../nodes/shared/losslessJson';
import { SseParser, SseOverflowError, type SseMessage } from '../../../nodes/NexTrigger/sse/parser';

/**
 * The SSE framing parser against `eventsource-parser` as an oracle: the same bytes, cut into
 * chunks at every offset (also inside multi-byte UTF-8 characters), must give the same events
 * and comments. The oracle takes text, so its chunks go through a streaming TextDecoder.
 */

interface Observed {
	events: Array<{ type: string; data: string; id?: string }>;
	comments: string[];
	retries: number[];
}

function ours(chunks: Buffer[]): Observed {
	const parser = new SseParser();
	const messages: SseMessage[] = [];
	for (const chunk of chunks) messages.push(...parser.push(chunk));
	const observed: Observed = { events: [], comments: [], retries: [] };
	for (const message of messages) {
		if (message.kind === 'event') {
			observed.events.push(message.id === undefined ? { type: message.type, data: message.data } : { type: message.type, data: message.data, id: message.id });
		} else if (message.kind === 'comment') observed.comments.push(message.text);
		else observed.retries.push(message.ms);
	}
	return observed;
}

/**
 * `eventsource-parser` fed the same chunks. It holds back a CR that ends a chunk until another
 * line end arrives (to see whether an LF follows), so a CR-terminated blank line at the end of
 * a chunk is only acted on later, or never when no further CR/LF comes: for CR line ends it is
 * compared through `oracleWhole` (see the last test for the two cases where ours is right).
 */
function oracleChunked(chunks: Buffer[]): Observed {
	const observed: Observed = { events: [], comments: [], retries: [] };
	const parser = createParser({
		onEvent: (event: EventSourceMessage) => {
			const entry: { type: string; data: string; id?: string } = { type: event.event ?? 'message', data: event.data };
			if (event.id !== undefined) entry.id = event.id;
			observed.events.push(entry);
		},
		onComment: (comment) => observed.comments.push(comment),
		onRetry: (ms) => observed.retries.push(ms),
	});
	const decoder = new TextDecoder('utf-8');
	for (const chunk of chunks) {
		const text = decoder.decode(chunk, { stream: true });
		if (text !== '') parser.feed(text);
	}
	const rest = decoder.decode();
	if (rest !== '') parser.feed(rest);
	return observed;
}

/** `eventsource-parser` fed the whole stream at once (a final CR is given its LF so it is not held back). */
function oracle(chunks: Buffer[]): Observed {
	const whole = Buffer.concat(chunks);
	return oracleChunked(whole[whole.length - 1] === 0x0d ? [whole, Buffer.from('\n')] : [whole]);
}

function splitAt(bytes: Buffer, offsets: number[]): Buffer[] {
	const chunks: Buffer[] = [];
	let start = 0;
	for (const offset of [...offsets, bytes.length]) {
		chunks.push(bytes.subarray(start, offset));
		start = offset;
	}
	return chunks;
}

/** Deterministic pseudo-random numbers for the random-split test. */
function rng(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

const BATCH =
	'{"workspace":{"name":"Acme GmbH — Zürich","slug":"acme"},"insights":[{"type":"opportunity","content":"Budget approval expected 🚀 „next“ quarter","confidence":0.85,"target":{"entity_type":"person","entity_id":9007199254740993123,"hint":"Jürgen"}}],"insight_count":1,"emitted_at":"2026-02-05T10:30:00Z"}';

function vendorStream(eol: string): string {
	return [
		': connected workspace_id=123456789012345678 token_id=42',
		'',
		'event: insight.replay',
		`data: ${BATCH}`,
		'',
		': keepalive',
		'',
		'event: insight.batch.created',
		`data: ${BATCH}`,
		'',
		'',
	].join(eol);
}

const SPEC_CORNERS = [
	'data: first line',
	'data: second line',
	'data:third, without space',
	'',
	'event: custom',
	'id: 12345678901234567890',
	'data',
	'',
	':comment without space',
	': comment with space',
	'event: no data here',
	'id: 7',
	'',
	'data: after an event without data',
	'retry: 2500',
	'retry: 25x',
	'unknown: field is ignored',
	'id: has\u0000nul',
	'data:  two leading spaces keep one',
	'',
	'event: é→ü',
	'data: 🙂 emoji data 漢字',
	'',
	'data: unterminated event is discarded at the end',
].join('\n');

describe('SSE framing parser (oracle: eventsource-parser)', () => {
	it.each([
		['LF', '\n'],
		['CRLF', '\r\n'],
		['CR', '\r'],
	])('parses the vendor stream with %s line ends', (_name, eol) => {
		const bytes = Buffer.from(vendorStream(eol), 'utf8');
		const result = ours([bytes]);
		expect(result).toEqual(oracle([bytes]));
		expect(result.events.map((e) => e.type)).toEqual(['insight.replay', 'insight.batch.created']);
		expect(result.events[1].data).toBe(BATCH);
		expect(result.comments).toEqual(['connected workspace_id=123456789012345678 token_id=42', 'keepalive']);
	});

	it('parses mixed line ends in one stream', () => {
		const text = 'event: a\r\ndata: 1\rdata: 2\n\r\nevent: b\rdata: 3\r\r: c\n\ndata: 4\n\n';
		const bytes = Buffer.from(text, 'utf8');
		const result = ours([bytes]);
		expect(result).toEqual(oracle([bytes]));
		expect(result.events).toEqual([
			{ type: 'a', data: '1\n2' },
			{ type: 'b', data: '3' },
			{ type: 'message', data: '4' },
		]);
		expect(result.comments).toEqual(['c']);
	});

	it('handles multi-line data, comments, ids, retry, fields without colon and unknown fields', () => {
		const bytes = Buffer.from(SPEC_CORNERS, 'utf8');
		const result = ours([bytes]);
		expect(result).toEqual(oracle([bytes]));
		expect(result.events).toEqual([
			{ type: 'message', data: 'first line\nsecond line\nthird, without space' },
			{ type: 'custom', data: '', id: '12345678901234567890' },
			{ type: 'message', data: 'after an event without data\n two leading spaces keep one' },
			{ type: 'é→ü', data: '🙂 emoji data 漢字' },
		]);
		expect(result.comments).toEqual(['comment without space', 'comment with space']);
		expect(result.retries).toEqual([2500]);
	});

	it('keeps the last event id across events and ignores ids containing NUL', () => {
		const parser = new SseParser();
		const messages = parser.push('id: 9007199254740993\ndata: a\n\ndata: b\n\nid: x\u0000y\ndata: c\n\n');
		expect(messages).toEqual([
			{ kind: 'event', type: 'message', data: 'a', id: '9007199254740993', lastEventId: '9007199254740993' },
			{ kind: 'event', type: 'message', data: 'b', lastEventId: '9007199254740993' },
			{ kind: 'event', type: 'message', data: 'c', lastEventId: '9007199254740993' },
		]);
	});

	it('drops a leading byte-order mark only at the start of the stream', () => {
		const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('data: x\n\ndata: \ufeffy\n\n', 'utf8')]);
		for (let cut = 0; cut <= bytes.length; cut++) {
			const chunks = splitAt(bytes, [cut]);
			expect(ours(chunks).events).toEqual([
				{ type: 'message', data: 'x' },
				{ type: 'message', data: '\ufeffy' },
			]);
		}
	});

	it.each([
		['LF', '\n'],
		['CRLF', '\r\n'],
		['CR', '\r'],
	])('gives identical events for the vendor stream (%s) cut into two chunks at every byte offset', (_name, eol) => {
		const bytes = Buffer.from(vendorStream(eol), 'utf8');
		const whole = ours([bytes]);
		expect(whole.events).toHaveLength(2);
		for (let cut = 0; cut <= bytes.length; cut++) {
			const chunks = splitAt(bytes, [cut]);
			const result = ours(chunks);
			expect(result).toEqual(whole);
			expect(result).toEqual(oracle(chunks));
			if (eol !== '\r') expect(result).toEqual(oracleChunked(chunks));
		}
	});

	it('gives identical events for the corner-case stream cut at every offset and byte by byte', () => {
		for (const eol of ['\n', '\r\n', '\r']) {
			const bytes = Buffer.from(SPEC_CORNERS.split('\n').join(eol), 'utf8');
			const whole = ours([bytes]);
			expect(whole).toEqual(oracle([bytes]));
			for (let cut = 0; cut <= bytes.length; cut++) expect(ours(splitAt(bytes, [cut]))).toEqual(whole);
			const byteByByte = [...bytes].map((b) => Buffer.from([b]));
			expect(ours(byteByByte)).toEqual(whole);
			if (eol !== '\r') expect(oracleChunked(byteByByte)).toEqual(whole);
		}
	});

	it('gives identical events for random multi-chunk splits, including inside multi-byte characters', () => {
		const random = rng(20260205);
		const bytes = Buffer.from(vendorStream('\r\n') + SPEC_CORNERS + '\n\n' + vendorStream('\n'), 'utf8');
		const whole = ours([bytes]);
		let insideCharacter = 0;
		for (let round = 0; round < 300; round++) {
			const offsets = new Set<number>();
			const count = 1 + Math.floor(random() * 40);
			for (let i = 0; i < count; i++) offsets.add(1 + Math.floor(random() * (bytes.length - 1)));
			const sorted = [...offsets].sort((a, b) => a - b);
			insideCharacter += sorted.filter((o) => (bytes[o] & 0xc0) === 0x80).length;
			const chunks = splitAt(bytes, sorted);
			const result = ours(chunks);
			expect(result).toEqual(whole);
			expect(result).toEqual(oracleChunked(chunks));
		}
		expect(whole).toEqual(oracle([bytes]));
		// The splits really did land inside characters many times.
		expect(insideCharacter).toBeGreaterThan(100);
	});

	it('splits inside every multi-byte character of an event (2, 3 and 4 byte sequences)', () => {
		const bytes = Buffer.from('event: ü\ndata: é „“ 漢 🙂🚀\n\n', 'utf8');
		const continuation = [...bytes.keys()].filter((i) => (bytes[i] & 0xc0) === 0x80);
		expect(continuation.length).toBeGreaterThan(10);
		for (const offset of continuation) {
			const chunks = splitAt(bytes, [offset]);
			expect(ours(chunks).events).toEqual([{ type: 'ü', data: 'é „“ 漢 🙂🚀' }]);
			expect(oracle(chunks).events).toEqual([{ type: 'ü', data: 'é „“ 漢 🙂🚀' }]);
		}
	});

	it('a CR ending one chunk and an LF starting the next are one line end', () => {
		const result = ours([Buffer.from('data: a\r'), Buffer.from('\ndata: b\r'), Buffer.from('\n\r'), Buffer.from('\n')]);
		expect(result.events).toEqual([{ type: 'message', data: 'a\nb' }]);
		// An empty chunk between the CR and the LF changes nothing.
		expect(ours([Buffer.from('data: a\r'), Buffer.alloc(0), Buffer.from('\n\n')]).events).toEqual([{ type: 'message', data: 'a' }]);
	});

	it('keeps ids above 2^53 exact through framing and JSON parsing', () => {
		const bytes = Buffer.from(vendorStream('\r\n'), 'utf8');
		for (let cut = 0; cut <= bytes.length; cut += 7) {
			const events = ours(splitAt(bytes, [cut])).events;
			const batch = parseJsonKeepingIds(events[1].data) as { insights: Array<{ target: { entity_id: string } }> };
			expect(batch.insights[0].target.entity_id).toBe('9007199254740993123');
		}
		// Plain JSON.parse would have rounded it.
		expect(String((JSON.parse(BATCH) as { insights: Array<{ target: { entity_id: number } }> }).insights[0].target.entity_id)).not.toBe(
			'9007199254740993123',
		);
	});

	it('invalid UTF-8 becomes U+FFFD, as a streaming TextDecoder does', () => {
		const bytes = Buffer.concat([Buffer.from('data: a'), Buffer.from([0xff, 0xc3]), Buffer.from('b\n\n')]);
		for (let cut = 0; cut <= bytes.length; cut++) {
			const chunks = splitAt(bytes, [cut]);
			expect(ours(chunks)).toEqual(oracle(chunks));
		}
		expect(ours([bytes]).events[0].data).toBe('a\ufffd\ufffdb');
	});

	it('acts on a CR line end at once, where eventsource-parser holds it back (the specification has no lookahead)', () => {
		// A CR-terminated blank line at the end of what arrived so far: the event is complete.
		const live = new SseParser();
		expect(live.push('data: now\r\r')).toEqual([{ kind: 'event', type: 'message', data: 'now', lastEventId: '' }]);
		const held = oracleChunked([Buffer.from('data: now\r\r')]);
		expect(held.events).toEqual([]);
		// A chunk ending in CR followed by chunks without any line end: the oracle never dispatches.
		const chunks = [Buffer.from('data: a\r'), Buffer.from('\r'), Buffer.from('data: b')];
		expect(ours(chunks).events).toEqual([{ type: 'message', data: 'a' }]);
		expect(oracleChunked(chunks).events).toEqual([]);
	});

	it('reset() forgets a half-received event (new connection)', () => {
		const parser = new SseParser();
		expect(parser.push('event: x\ndata: half')).toEqual([]);
		parser.reset();
		expect(parser.push('data: whole\n\n')).toEqual([{ kind: 'event', type: 'message', data: 'whole', lastEventId: '' }]);
	});

	it('refuses an event larger than its limit instead of buffering without bound', () => {
		const parser = new SseParser(1024);
		expect(() => parser.push('data: ' + 'x'.repeat(2000))).toThrow(SseOverflowError);
		const lines = new SseParser(1024);
		expect(() => {
			for (let i = 0; i < 100; i++) lines.push('data: ' + 'y'.repeat(50) + '\n');
		}).toThrow(SseOverflowError);
	});
});
