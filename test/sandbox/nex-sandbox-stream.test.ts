import { get, type IncomingHttpHeaders } from 'node:http';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { startNexSandbox, toJson, WORKSPACE_ID, type NexSandbox } from './nex';
import { digits, NexTestClient, parseExact, parsePlain } from './nex/testkit';

/** The insight stream's framing, read with an independent SSE parser and as raw bytes. */

const TWO_53 = 2n ** 53n;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface StreamConnection {
	status: number;
	headers: IncomingHttpHeaders;
	chunks: Buffer[];
	events: EventSourceMessage[];
	comments: string[];
	ended: boolean;
	endedPromise: Promise<void>;
	raw(): string;
	waitFor(what: string, condition: () => boolean, timeoutMs?: number): Promise<void>;
	close(): void;
}

function openStream(sandbox: NexSandbox, key: string | null = sandbox.keys.full): Promise<StreamConnection> {
	const headers: Record<string, string> = { accept: 'text/event-stream' };
	if (key) headers.authorization = `Bearer ${key}`;
	return new Promise((resolve, reject) => {
		const req = get(`${sandbox.baseUrl}/v1/insights/stream`, { headers, agent: false }, (res) => {
			const decoder = new TextDecoder('utf-8');
			let markEnded: () => void = () => undefined;
			const conn: StreamConnection = {
				status: res.statusCode ?? 0,
				headers: res.headers,
				chunks: [],
				events: [],
				comments: [],
				ended: false,
				endedPromise: new Promise<void>((r) => (markEnded = r)),
				raw: () => Buffer.concat(conn.chunks).toString('utf8'),
				async waitFor(what, condition, timeoutMs = 3_000) {
					const deadline = Date.now() + timeoutMs;
					while (!condition()) {
						if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(conn.raw().slice(0, 400))}`);
						await sleep(5);
					}
				},
				close: () => req.destroy(),
			};
			const parser = createParser({ onEvent: (e) => conn.events.push(e), onComment: (c) => conn.comments.push(c) });
			const end = () => {
				conn.ended = true;
				markEnded();
			};
			res.on('data', (chunk: Buffer) => {
				conn.chunks.push(chunk);
				parser.feed(decoder.decode(chunk, { stream: true }));
			});
			res.on('end', end);
			res.on('close', end);
			res.on('error', end);
			resolve(conn);
		});
		req.on('error', reject);
	});
}

let sandbox: NexSandbox;
let api: NexTestClient;
const open: StreamConnection[] = [];

async function stream(key?: string | null): Promise<StreamConnection> {
	const conn = await openStream(sandbox, key === undefined ? sandbox.keys.full : key);
	open.push(conn);
	return conn;
}

beforeAll(async () => {
	sandbox = await startNexSandbox({ keepaliveIntervalMs: 60_000, artifactProcessingMs: 60_000 });
	api = new NexTestClient(sandbox.baseUrl, sandbox.keys.full);
});

afterEach(() => {
	for (const conn of open.splice(0)) conn.close();
	sandbox.reset();
});

afterAll(async () => {
	await sandbox.close();
});

describe('insight stream framing', () => {
	test('a connect comment, then the 20 most recent insights replayed, one event each, one data line, no id or retry', async () => {
		const conn = await stream();
		expect(conn.status).toBe(200);
		expect(conn.headers['content-type']).toBe('text/event-stream');
		await conn.waitFor('20 replay events', () => conn.events.length >= 20);
		await sleep(30);
		const raw = conn.raw();
		expect(raw).toMatch(new RegExp(`^: connected workspace_id=${WORKSPACE_ID} token_id=\\d{17}\\n\\n`));
		expect(conn.comments[0]).toMatch(/^ ?connected workspace_id=\d+ token_id=\d+$/);
		expect(conn.events).toHaveLength(20);
		expect(raw).not.toMatch(/^id:/m);
		expect(raw).not.toMatch(/^retry:/m);
		for (const block of raw.split('\n\n').filter((b) => b.startsWith('event:'))) {
			const lines = block.split('\n');
			expect(lines).toHaveLength(2);
			expect(lines[0]).toBe('event: insight.replay');
			expect(lines[1].startsWith('data: {')).toBe(true);
		}
		const payloads = conn.events.map((e) => {
			expect(e.event).toBe('insight.replay');
			expect(e.id).toBeUndefined();
			return parsePlain(e.data) as { workspace: unknown; insights: Record<string, unknown>[]; insight_count: number; emitted_at: string };
		});
		for (const p of payloads) {
			expect(p).toEqual({ workspace: expect.objectContaining({ name: 'Acme Corp', slug: 'acme' }), insights: [expect.any(Object)], insight_count: 1, emitted_at: expect.any(String) });
			expect(p.insights[0].id).toBeUndefined();
			expect(p.insights[0]).toMatchObject({ type: expect.any(String), content: expect.any(String), confidence_level: expect.any(String) });
		}
		// The replay is the 20 most recent insights, oldest first.
		const recent = (await api.get('/v1/insights', { limit: 20 })).plain as { data: { content: string }[] };
		expect(payloads.map((p) => p.insights[0].content)).toEqual(recent.data.map((i) => i.content).reverse());
		// Entity ids inside insights are raw integers above 2^53.
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const entityId = digits(((parseExact(conn.events[0].data) as any).insights[0].target as Record<string, unknown>).entity_id);
		expect(BigInt(entityId) > TWO_53).toBe(true);
		expect(raw).toContain(`"entity_id":${entityId}`);
	});

	test('new insights arrive as insight.batch.created; GET /v1/insights?from= fills a gap', async () => {
		const conn = await stream();
		await conn.waitFor('replay', () => conn.events.length >= 20);
		const batch = sandbox.emitInsightBatch([
			{ type: 'risk', content: 'Budget frozen until Q3' },
			{ type: 'opportunity', content: 'Wants 40 more seats' },
		]);
		await conn.waitFor('batch', () => conn.events.length >= 21);
		const event = conn.events[20];
		expect(event.event).toBe('insight.batch.created');
		expect(event.data).toBe(toJson(batch));
		const data = parsePlain(event.data) as { insights: { type: string; content: string }[]; insight_count: number; emitted_at: string };
		expect(data.insight_count).toBe(2);
		expect(data.insights.map((i) => [i.type, i.content])).toEqual([
			['risk', 'Budget frozen until Q3'],
			['opportunity', 'Wants 40 more seats'],
		]);
		expect(Number.isNaN(Date.parse(data.emitted_at))).toBe(false);

		conn.close();
		const from = new Date(Date.now() - 1000).toISOString();
		sandbox.emitInsightBatch([{ type: 'milestone', content: 'Signed while nobody was listening' }]);
		const gap = (await api.get('/v1/insights', { from })).plain as { data: { id: string; content: string }[] };
		expect(gap.data.map((i) => i.content)).toEqual(['Signed while nobody was listening', 'Wants 40 more seats', 'Budget frozen until Q3']);
		expect(gap.data[0].id).toMatch(/^\d{17}$/);
	});

	test('keepalive comments every keepaliveIntervalMs', async () => {
		sandbox.configure({ keepaliveIntervalMs: 40 });
		const conn = await stream();
		await conn.waitFor('two keepalives', () => conn.comments.filter((c) => c.trim() === 'keepalive').length >= 2);
		expect(conn.raw()).toContain('\n\n: keepalive\n\n');
	});

	test('a drop-stream fault ends the stream after N events; the next connection is whole', async () => {
		sandbox.faults.add({ kind: 'drop-stream', afterEvents: 3 });
		const dropped = await stream();
		await dropped.endedPromise;
		expect(dropped.events).toHaveLength(3);
		expect(sandbox.requests.entries.at(-1)?.fault).toBe('drop-stream');
		const whole = await stream();
		await whole.waitFor('replay', () => whole.events.length >= 20);
		expect(whole.ended).toBe(false);

		sandbox.faults.add({ kind: 'drop-stream', afterEvents: 0 });
		const immediate = await stream();
		await immediate.endedPromise;
		expect(immediate.events).toHaveLength(0);
		expect(immediate.comments).toHaveLength(1);

		// Counting covers live batches too.
		sandbox.configure({ replayFormat: 'batch' });
		sandbox.faults.add({ kind: 'drop-stream', afterEvents: 2 });
		const live = await stream();
		await live.waitFor('replay batch', () => live.events.length >= 1);
		sandbox.emitInsightBatch(1);
		sandbox.emitInsightBatch(1);
		await live.endedPromise;
		expect(live.events.map((e) => e.event)).toEqual(['insight.replay', 'insight.batch.created']);
	});

	test('dropStreams ends every open stream; streamClientCount follows', async () => {
		const a = await stream();
		const b = await stream();
		await a.waitFor('a', () => a.events.length >= 20);
		await b.waitFor('b', () => b.events.length >= 20);
		expect(sandbox.streamClientCount()).toBe(2);
		expect(sandbox.dropStreams()).toBe(2);
		await Promise.all([a.endedPromise, b.endedPromise]);
		expect(sandbox.streamClientCount()).toBe(0);
		const c = await stream();
		await c.waitFor('c', () => c.events.length >= 20);
		sandbox.dropStreams('destroy');
		await c.endedPromise;
		expect(sandbox.streamClientCount()).toBe(0);
	});

	test.each([
		['crlf', '\r\n'],
		['cr', '\r'],
	] as const)('an event can be written with %s line ends', async (lineEnding, eol) => {
		const conn = await stream();
		await conn.waitFor('replay', () => conn.events.length >= 20);
		sandbox.emitInsightBatch([{ content: 'Line ends' }], { lineEnding });
		await conn.waitFor('the event bytes', () => conn.raw().endsWith(`}${eol}${eol}`));
		expect(conn.raw()).toContain(`event: insight.batch.created${eol}data: {`);
		// A parser cannot tell a lone CR at the end of what it has read from half a CRLF: the event
		// is dispatched once the next bytes arrive.
		sandbox.emitInsightBatch([{ content: 'Next' }]);
		await conn.waitFor('batch', () => conn.events.length >= 22);
		expect((parsePlain(conn.events[20].data) as { insights: { content: string }[] }).insights[0].content).toBe('Line ends');
	});

	test('an event can be cut at arbitrary bytes, also inside a multi-byte UTF-8 character', async () => {
		const conn = await stream();
		await conn.waitFor('replay', () => conn.events.length >= 20);
		const before = conn.chunks.length;
		const content = 'Zoë wants the rollout 🚀 — 24 stores';
		sandbox.emitInsightBatch([{ content }], { splitInsideUtf8: true, chunkSize: 97, chunkDelayMs: 25 });
		await conn.waitFor('batch', () => conn.events.length >= 21, 5_000);
		const pieces = conn.chunks.slice(before);
		expect(pieces.length).toBeGreaterThan(2);
		const incomplete = (b: Buffer) => !Buffer.from(b.toString('utf8'), 'utf8').equals(b);
		expect(pieces.some(incomplete)).toBe(true);
		expect((parsePlain(conn.events[20].data) as { insights: { content: string }[] }).insights[0].content).toBe(content);
	});

	test('replay formats: one batch, or bare insights (the older simplified form)', async () => {
		sandbox.configure({ replayFormat: 'batch' });
		const batch = await stream();
		await batch.waitFor('replay', () => batch.events.length >= 1);
		await sleep(30);
		expect(batch.events).toHaveLength(1);
		expect(parsePlain(batch.events[0].data)).toMatchObject({ insight_count: 20, insights: expect.any(Array) });

		sandbox.configure({ replayFormat: 'simplified' });
		const simple = await stream();
		await simple.waitFor('replay', () => simple.events.length >= 20);
		const first = parsePlain(simple.events[0].data) as Record<string, unknown>;
		expect(first.workspace).toBeUndefined();
		expect(first).toMatchObject({ type: expect.any(String), content: expect.any(String), target: expect.any(Object) });
	});

	test('the control API emits batches (with write options) and drops streams', async () => {
		const conn = await stream();
		await conn.waitFor('replay', () => conn.events.length >= 20);
		const post = async (path: string, body: unknown) => {
			const res = await fetch(`${sandbox.controlUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
			return { status: res.status, text: await res.text() };
		};
		const emitted = await post('/insights/emit', { insights: [{ type: 'preference', content: 'Prefers email' }], lineEnding: 'crlf', chunkSize: 40, chunkDelayMs: 2 });
		expect(emitted.status).toBe(200);
		await conn.waitFor('batch', () => conn.events.length >= 21);
		expect(conn.events[20].data).toBe(emitted.text);
		expect(conn.raw()).toContain('event: insight.batch.created\r\ndata: ');
		expect(JSON.parse((await post('/insights/emit', { insights: 3 })).text).insight_count).toBe(3);
		const state = await (await fetch(`${sandbox.controlUrl}/stream`)).json();
		expect(state).toEqual({ clients: 1 });
		expect(JSON.parse((await post('/stream/drop', {})).text)).toEqual({ dropped: 1 });
		await conn.endedPromise;
	});

	test('401 and 403 before any stream', async () => {
		const anonymous = await stream(null);
		await anonymous.endedPromise;
		expect(anonymous.status).toBe(401);
		expect(JSON.parse(anonymous.raw())).toEqual({ code: 401, message: expect.any(String) });
		const noScope = await stream(sandbox.keys.noInsight);
		await noScope.endedPromise;
		expect(noScope.status).toBe(403);
		expect(JSON.parse(noScope.raw()).message).toContain('insight.stream');
	});

	test('completed text processing pushes its insights to the stream', async () => {
		const conn = await stream();
		await conn.waitFor('replay', () => conn.events.length >= 20);
		const added = await api.post('/v1/context/text', { content: 'Lunch with Rosa Lind (rosa@lindgren.io), who runs Lindgren Labs.' });
		const artifactId = digits((added.exact as Record<string, unknown>).artifact_id);
		sandbox.advanceClock(60_000);
		await conn.waitFor('batch', () => conn.events.length >= 21);
		const pushed = parseExact(conn.events[20].data) as { insights: { target: { entity_id: unknown } }[] };
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const artifact = parseExact((await api.get(`/v1/context/artifacts/${artifactId}`)).text) as any;
		const extracted = artifact.result.entities_extracted.map((e: { canonical_entity_id: unknown }) => digits(e.canonical_entity_id));
		expect(pushed.insights.map((i) => digits(i.target.entity_id)).sort()).toEqual(extracted.sort());
	});
});
