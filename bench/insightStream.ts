import { fork } from 'node:child_process';
import { join } from 'node:path';

import type { INodeExecutionData } from 'n8n-workflow';

import { TestEngine } from '../test/harness/engine';
import { startTrigger } from '../test/harness/triggers';
import { ceilingRow, wallClockMs, type BenchRow, type Condition } from './measure';
import { askOverIpc, clockOffsetMs, startChildSandbox, type ChildSandbox } from './sandboxProcess';
import type { SseClientRequest } from './sseClientChild';
import { STREAM_PREFIX, StreamMeasure, type ReaderStats } from './streamMeasure';

/** How long a reader may receive nothing, after the sandbox sent the last event, before what is missing counts as lost. */
const DRAIN_MS = 10_000;
/** However slowly a reader catches up, the run ends this long after the last event was sent. */
const MAX_DRAIN_MS = 180_000;
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

/** Called when the events start flowing and when the last was sent (`streamProfile.ts` profiles in between). */
export interface StreamHooks {
	flowing(): Promise<void>;
	sent(): Promise<void>;
}

export interface StreamRun {
	rate: number;
	node: ReaderStats;
	baseline: ReaderStats;
	sent: number;
	seconds: number;
	errors: number;
}

/**
 * The insight stream at `rate` events a second: the Nex Trigger running as a trigger in this
 * process (as n8n runs it, one execution per batch) and, at the same time, a raw SSE client in a
 * process of its own, both connected to the same stream of the Nex sandbox (a third process),
 * through the latency proxy when `rttMs` > 0. So both readers get every event at the same moment
 * and the same machine load, and neither slows the other. Latency runs from the sandbox handing
 * an event to its stream to the reader holding the insight; the clocks are lined up over IPC.
 */
export async function streamRun(rate: number, seconds: number, rttMs: number, around?: StreamHooks): Promise<StreamRun> {
	const sandbox = await startChildSandbox('nex', { keepaliveIntervalMs: 30_000 });
	const key = (sandbox.info.keys as Record<string, string>).full;
	const baseUrl = await sandbox.urlAt(rttMs);
	const raw = await startRawClient(baseUrl, key);
	let trigger: Awaited<ReturnType<typeof startTrigger>> | undefined;
	try {
		const expected = Math.round(seconds * rate);
		const sandboxOffset = await sandbox.clockOffsetMs();
		const rawOffset = await clockOffsetMs(async () => Number((await raw.ask({ cmd: 'clock' })).nowMs));
		const measure = new StreamMeasure(expected, sandboxOffset, rate);

		const engine = new TestEngine().addCredential({ id: 'nex', name: 'Nex', type: 'nexApi', data: { apiKey: key, baseUrl } });
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
		await new Promise((resolve) => setTimeout(resolve, 500 + 4 * rttMs));

		await Promise.all([measure.begin(), raw.ask({ cmd: 'begin', expected, offsetMs: sandboxOffset - rawOffset, rate })]);
		await around?.flowing();
		const emitted = await sandbox.ask({ cmd: 'emitInsights', rate, seconds, prefix: STREAM_PREFIX });
		await around?.sent();
		const rawReceived = async () => Number((await raw.ask({ cmd: 'status' })).received);
		// A reader behind the stream (a loaded machine) gets its events late, not never: wait while
		// either reader still makes progress, and count as lost only what stopped coming.
		const drainStarted = Date.now();
		let progress = -1;
		let lastProgressAt = Date.now();
		for (;;) {
			const rawCount = await rawReceived();
			if (measure.received >= emitted.sent && rawCount >= emitted.sent) break;
			if (measure.received + rawCount > progress) {
				progress = measure.received + rawCount;
				lastProgressAt = Date.now();
			} else if (Date.now() - lastProgressAt > DRAIN_MS || Date.now() - drainStarted > MAX_DRAIN_MS) break;
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		const [node, baseline] = await Promise.all([measure.end(), raw.ask({ cmd: 'end' }).then((reply) => reply.stats as ReaderStats)]);
		if (DEBUG) {
			printSlowSeconds('Nex Trigger', node);
			printSlowSeconds('raw SSE client', baseline);
		}
		return { rate, node, baseline, sent: emitted.sent, seconds: emitted.seconds, errors: trigger.errors.length };
	} finally {
		await trigger?.close();
		await raw.stop();
		await sandbox.stop();
	}
}

/** Insight stream at 1,000 events/s (latency and CPU against the raw client) and at 10,000 events/s (nothing lost, bounded heap), at each round-trip time. */
export async function benchInsightStream(conditions: Condition[], seconds: number, fastSeconds: number): Promise<BenchRow[]> {
	const rows: BenchRow[] = [];
	for (const { rttMs } of conditions) {
		const steady = await streamRun(1000, seconds, rttMs);
		const { node, baseline } = steady;
		const rate = `${(steady.sent / steady.seconds).toFixed(0)}/s for ${steady.seconds.toFixed(0)} s`;
		const lost = (run: StreamRun, stats: ReaderStats) => run.sent - stats.received;
		rows.push(
			ceilingRow(
				{
					section: 'stream',
					rttMs,
					figure:
						`Insight stream ${rate}: emit latency p99, trigger ÷ raw SSE client (p50 ${ms(node.p50)}, raw ${ms(baseline.p50)}; max ${ms(node.max)}, raw ${ms(baseline.max)}; ` +
						`longest GC pause ${ms(node.maxGcPauseMs)}, raw ${ms(baseline.maxGcPauseMs)}; loop blocked at most ${ms(node.maxLoopDelayMs)}, raw ${ms(baseline.maxLoopDelayMs)}; ` +
						`${lost(steady, node)} lost, ${node.duplicates} duplicated)`,
					value: ms(node.p99),
					baseline: `raw SSE client ${ms(baseline.p99)}`,
				},
				node.p99 / baseline.p99,
				1.5,
				lost(steady, node) === 0 && node.duplicates === 0,
			),
			ceilingRow(
				{
					section: 'stream',
					rttMs,
					figure: `Insight stream ${rate}: CPU of the trigger's process ÷ the raw client's (share of one core)`,
					value: `${(node.cpuShare * 100).toFixed(1)}%`,
					baseline: `raw SSE client ${(baseline.cpuShare * 100).toFixed(1)}%`,
				},
				node.cpuShare / baseline.cpuShare,
				1.5,
			),
		);
		const fast = await streamRun(10_000, fastSeconds, rttMs);
		const fastRate = `${(fast.sent / fast.seconds).toFixed(0)}/s for ${fast.seconds.toFixed(0)} s`;
		rows.push({
			section: 'stream',
			rttMs,
			figure:
				`Insight stream ${fastRate}: events lost and duplicated, heap growth after GC (${fast.node.received}/${fast.sent} received, ${fast.errors} errors; ` +
				`p99 ${ms(fast.node.p99)}, raw ${ms(fast.baseline.p99)}; CPU ${(fast.node.cpuShare * 100).toFixed(0)}%, raw ${(fast.baseline.cpuShare * 100).toFixed(0)}%)`,
			value: `${lost(fast, fast.node)} lost, ${fast.node.duplicates} dup., ${mib(fast.node.heapGrowthBytes)}`,
			baseline: `raw SSE client ${lost(fast, fast.baseline)} lost, ${mib(fast.baseline.heapGrowthBytes)}`,
			ratio: '-',
			target: '0, 0, < 5 MiB',
			met: lost(fast, fast.node) === 0 && fast.node.duplicates === 0 && fast.errors === 0 && fast.node.heapGrowthBytes < 5 * 1024 * 1024,
		});
	}
	return rows;
}
