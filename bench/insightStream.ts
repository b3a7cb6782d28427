import { fork } from 'node:child_process';
import { join } from 'node:path';

import type { INodeExecutionData } from 'n8n-workflow';

import { TestEngine } from '../test/harness/engine';
import { startTrigger } from '../test/harness/triggers';
import { wallClockMs, type BenchRow } from './measure';
import { askOverIpc, clockOffsetMs, startChildSandbox, type ChildSandbox } from './sandboxProcess';
import type { SseClientRequest } from './sseClientChild';
import { STREAM_PREFIX, StreamMeasure, type ReaderStats } from './streamMeasure';

const RATE = 1000;
/** How long to wait for the last events after the sandbox sent them. */
const DRAIN_MS = 10_000;
/** BENCH_DEBUG=1 prints the seconds in which a reader's slowest event took over 20 ms. */
const DEBUG = Boolean(process.env.BENCH_DEBUG);

async function until(ready: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
	const started = Date.now();
	while (!(await ready())) {
		if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

async function streamClients(child: ChildSandbox): Promise<number> {
	return ((await child.control('GET', '/stream')) as { clients: number }).clients;
}

/** The raw SSE client in its own process (`sseClientChild.ts`). */
async function startRawClient(baseUrl: string, key: string) {
	const child = fork(join(__dirname, 'sseClientChild.ts'), [baseUrl, key], {
		execArgv: ['--expose-gc', '--import', 'tsx'],
		stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
	});
	await new Promise<void>((resolve, reject) => {
		child.once('message', () => resolve());
		child.once('exit', (code) => reject(new Error(`raw SSE client exited with ${code}`)));
	});
	const ask = async (request: SseClientRequest) => await askOverIpc(child, request, 'raw SSE client');
	return {
		ask,
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
		},
	};
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function printSlowSeconds(name: string, stats: ReaderStats): void {
	for (const [second, worst] of stats.slowSeconds) process.stderr.write(`  ${name}: second ${second}: slowest event ${worst.toFixed(0)} ms\n`);
}

/**
 * Insight stream at 1,000 events/s: the Nex Trigger running as a trigger in this process (as
 * n8n runs it, one execution per batch) and, at the same time, a raw SSE client in a process of
 * its own, both connected to the same stream of the Nex sandbox, which runs in a third process.
 * So both readers get every event at the same moment and the same machine load, and neither
 * slows the other. Latency runs from the sandbox handing an event to its stream to the reader
 * holding the insight; the processes' clocks are lined up over IPC.
 */
export async function benchInsightStream(seconds: number): Promise<BenchRow[]> {
	const sandbox = await startChildSandbox('nex', { keepaliveIntervalMs: 30_000 });
	const key = (sandbox.info.keys as Record<string, string>).full;
	const raw = await startRawClient(sandbox.info.baseUrl, key);
	let trigger: Awaited<ReturnType<typeof startTrigger>> | undefined;
	try {
		const expected = Math.round(seconds * RATE);
		const sandboxOffset = await sandbox.clockOffsetMs();
		const rawOffset = await clockOffsetMs(async () => Number((await raw.ask({ cmd: 'clock' })).nowMs));
		const measure = new StreamMeasure(expected, sandboxOffset, RATE);

		const engine = new TestEngine().addCredential({ id: 'nex', name: 'Nex', type: 'nexApi', data: { apiKey: key, baseUrl: sandbox.info.baseUrl } });
		trigger = await startTrigger(
			engine,
			{
				id: 'nex-trigger',
				name: 'Nex Trigger',
				type: 'n8n-nodes-nex.nexTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { options: { watchdogTimeout: 75 } },
				credentials: { nexApi: { id: 'nex', name: 'Nex' } },
			},
			{},
		);
		// Every emit lands in `executions.push` synchronously: timing it there is the trigger's emit
		// time. The items are counted, not kept, so the heap figure is the trigger's own.
		trigger.executions.push = (...executions: INodeExecutionData[][]) => {
			const at = wallClockMs();
			for (const items of executions) for (const item of items) measure.record(item.json.content, at);
			return 0;
		};
		await raw.ask({ cmd: 'connect' });
		await until(async () => (await streamClients(sandbox)) === 2, 'the trigger and the raw client to connect');
		// Let the connections settle (replay, first writes) before the heaps are taken.
		await new Promise((resolve) => setTimeout(resolve, 500));

		await Promise.all([measure.begin(), raw.ask({ cmd: 'begin', expected, offsetMs: sandboxOffset - rawOffset, rate: RATE })]);
		const emitted = await sandbox.ask({ cmd: 'emitInsights', rate: RATE, seconds, prefix: STREAM_PREFIX });
		const rawReceived = async () => Number((await raw.ask({ cmd: 'status' })).received);
		const drainUntil = Date.now() + DRAIN_MS;
		while (Date.now() < drainUntil && (measure.received < emitted.sent || (await rawReceived()) < emitted.sent)) {
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		const [node, baseline] = await Promise.all([measure.end(), raw.ask({ cmd: 'end' }).then((reply) => reply.stats as ReaderStats)]);
		if (DEBUG) {
			printSlowSeconds('Nex Trigger', node);
			printSlowSeconds('raw SSE client', baseline);
		}
		const errors = trigger.errors.length;
		const lost = (stats: ReaderStats) => emitted.sent - stats.received;
		const rate = `${(emitted.sent / emitted.seconds).toFixed(0)}/s for ${emitted.seconds.toFixed(0)} s`;
		return [
			{
				figure: `Insight stream emit latency p50 (${rate}; trigger and raw client read the stream at the same time)`,
				value: ms(node.p50),
				baseline: `raw SSE client ${ms(baseline.p50)}`,
				ratio: `${(node.p50 / baseline.p50).toFixed(2)}x`,
				target: 'context',
				met: null,
			},
			{
				figure:
					`Insight stream emit latency p99 (max ${ms(node.max)}, raw ${ms(baseline.max)}; ` +
					`CPU ${(node.cpuShare * 100).toFixed(0)}% of a core, raw ${(baseline.cpuShare * 100).toFixed(0)}%; ` +
					`longest GC pause ${ms(node.maxGcPauseMs)}, raw ${ms(baseline.maxGcPauseMs)}; ` +
					`event loop blocked at most ${ms(node.maxLoopDelayMs)}, raw ${ms(baseline.maxLoopDelayMs)})`,
				value: ms(node.p99),
				baseline: `raw SSE client ${ms(baseline.p99)}`,
				ratio: `${(node.p99 / baseline.p99).toFixed(2)}x`,
				target: '<= 10 ms',
				met: node.p99 <= 10,
			},
			{
				figure: `Insight stream events lost (${node.received}/${emitted.sent} received, ${node.duplicates} duplicates, ${errors} errors)`,
				value: String(lost(node)),
				baseline: `raw SSE client ${lost(baseline)} lost`,
				ratio: '-',
				target: '0, no duplicates',
				met: lost(node) === 0 && node.duplicates === 0 && errors === 0,
			},
			{
				figure: `Insight stream heap growth (after GC, end minus start; heap at start ${mib(node.heapAtStartBytes)})`,
				value: mib(node.heapGrowthBytes),
				baseline: `raw SSE client ${mib(baseline.heapGrowthBytes)}`,
				ratio: '-',
				target: 'bounded (< 5 MiB)',
				met: node.heapGrowthBytes < 5 * 1024 * 1024,
			},
		];
	} finally {
		await trigger?.close();
		await raw.stop();
		await sandbox.stop();
	}
}
