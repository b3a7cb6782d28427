/**
 * The insight stream's baseline reader, in a process of its own so it runs at the same time as
 * the Nex Trigger without sharing its event loop: undici reading `GET /v1/insights/stream`,
 * eventsource-parser framing it, plain `JSON.parse`. Driven over IPC by `insightStream.ts`.
 *
 *   argv: <baseUrl> <apiKey>
 */
import { createParser } from 'eventsource-parser';
import { request } from 'undici';

import { wallClockMs } from './measure';
import { StreamMeasure } from './streamMeasure';

export type SseClientRequest =
	| { cmd: 'clock' }
	| { cmd: 'connect' }
	| { cmd: 'begin'; expected: number; offsetMs: number; rate: number }
	| { cmd: 'status' }
	| { cmd: 'end' };

async function main(): Promise<void> {
	const [baseUrl, apiKey] = process.argv.slice(2);
	const abort = new AbortController();
	let measure: StreamMeasure | undefined;
	const parser = createParser({
		onEvent(event) {
			if (event.event !== 'insight.batch.created' || !measure) return;
			const at = wallClockMs();
			const batch = JSON.parse(event.data) as { insights: Array<{ content: unknown }> };
			for (const insight of batch.insights) measure.record(insight.content, at);
		},
	});
	const reply = (message: Record<string, unknown>) => process.send?.(message);
	process.on('message', (message: SseClientRequest) => {
		void (async () => {
			switch (message.cmd) {
				case 'clock':
					return reply({ cmd: 'clock', nowMs: wallClockMs() });
				case 'connect': {
					const answer = await request(`${baseUrl}/v1/insights/stream`, {
						headers: { authorization: `Bearer ${apiKey}`, accept: 'text/event-stream' },
						signal: abort.signal,
						bodyTimeout: 0,
						headersTimeout: 30_000,
					});
					if (answer.statusCode !== 200) throw new Error(`the stream answered ${answer.statusCode}`);
					answer.body.setEncoding('utf8');
					answer.body.on('data', (chunk: string) => parser.feed(chunk));
					answer.body.on('error', () => undefined);
					return reply({ cmd: 'connect' });
				}
				case 'begin':
					measure = new StreamMeasure(message.expected, message.offsetMs, message.rate);
					await measure.begin();
					return reply({ cmd: 'begin' });
				case 'status':
					return reply({ cmd: 'status', received: measure?.received ?? 0 });
				case 'end':
					return reply({ cmd: 'end', stats: await measure?.end() });
			}
		})().catch((error: unknown) => {
			process.stderr.write(`raw SSE client: ${error instanceof Error ? error.stack : String(error)}\n`);
			process.exit(1);
		});
	});
	process.once('SIGTERM', () => {
		abort.abort();
		process.exit(0);
	});
	reply({ cmd: 'ready' });
}

void main();
