/**
 * What one reader of the insight stream received and what it cost that reader's process; used in
 * this process for the Nex Trigger and in `sseClientChild.ts` for the raw SSE client.
 */
import { monitorEventLoopDelay, PerformanceObserver, type IntervalHistogram } from 'node:perf_hooks';

import { percentile, settledHeapBytes, wallClockMs } from './measure';

export const STREAM_PREFIX = 'bench-stream';

export interface ReaderStats {
	received: number;
	duplicates: number;
	p50: number;
	p99: number;
	max: number;
	/** Heap after GC at the end minus at the start, the reader still connected. */
	heapGrowthBytes: number;
	heapAtStartBytes: number;
	/** CPU time of the reader's process while events flowed, as a share of one core. */
	cpuShare: number;
	/** The same CPU time per event received (µs). */
	cpuUsPerEvent: number;
	maxGcPauseMs: number;
	/** Longest time the reader's event loop was blocked (its own work, GC, or waiting for a CPU). */
	maxLoopDelayMs: number;
	/** Per second of the stream whose slowest event took over 20 ms: that latency (debug output). */
	slowSeconds: Array<[number, number]>;
}

/**
 * Per event (by sequence number) the latency from the moment the sandbox handed it to the
 * stream to the moment the reader had it. The arrays are allocated up front, so the bookkeeping
 * adds nothing to the heap figures while events flow.
 */
export class StreamMeasure {
	private readonly latencyMs: Float64Array;

	private readonly seen: Uint8Array;

	received = 0;

	duplicates = 0;

	private heapBefore = 0;

	private startedMs = 0;

	private cpuBefore: NodeJS.CpuUsage | undefined;

	private maxGcPauseMs = 0;

	private readonly gcObserver = new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) this.maxGcPauseMs = Math.max(this.maxGcPauseMs, entry.duration);
	});

	private readonly loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: 5 });

	constructor(
		readonly expected: number,
		/** The sandbox's clock minus this process's (ms). */
		private readonly offsetMs: number,
		private readonly rate: number,
	) {
		this.latencyMs = new Float64Array(expected);
		this.seen = new Uint8Array(expected);
	}

	/** `content` is `<prefix> <sequence> <sandbox emit time>`; anything else is not counted. */
	record(content: unknown, atMs: number): void {
		const parts = typeof content === 'string' ? content.split(' ') : [];
		const sequence = Number(parts[1]);
		if (parts[0] !== STREAM_PREFIX || !Number.isInteger(sequence) || sequence < 0 || sequence >= this.expected) return;
		if (this.seen[sequence]) {
			this.duplicates++;
			return;
		}
		this.seen[sequence] = 1;
		this.latencyMs[sequence] = atMs - (Number(parts[2]) - this.offsetMs);
		this.received++;
	}

	/** Settles the heap and starts watching CPU, GC pauses and the event loop. */
	async begin(): Promise<void> {
		this.heapBefore = await settledHeapBytes();
		this.gcObserver.observe({ entryTypes: ['gc'] });
		this.loopDelay.enable();
		this.cpuBefore = process.cpuUsage();
		this.startedMs = wallClockMs();
	}

	async end(): Promise<ReaderStats> {
		const cpu = process.cpuUsage(this.cpuBefore);
		const seconds = (wallClockMs() - this.startedMs) / 1000;
		this.loopDelay.disable();
		this.gcObserver.disconnect();
		const heapAfter = await settledHeapBytes();
		const latencies: number[] = [];
		const slowest = new Map<number, number>();
		for (let i = 0; i < this.expected; i++) {
			if (!this.seen[i]) continue;
			latencies.push(this.latencyMs[i]);
			const second = Math.floor(i / this.rate);
			slowest.set(second, Math.max(slowest.get(second) ?? 0, this.latencyMs[i]));
		}
		return {
			received: this.received,
			duplicates: this.duplicates,
			p50: percentile(latencies, 50),
			p99: percentile(latencies, 99),
			max: percentile(latencies, 100),
			heapGrowthBytes: heapAfter - this.heapBefore,
			heapAtStartBytes: this.heapBefore,
			cpuShare: (cpu.user + cpu.system) / 1e6 / seconds,
			cpuUsPerEvent: (cpu.user + cpu.system) / Math.max(1, this.received),
			maxGcPauseMs: this.maxGcPauseMs,
			maxLoopDelayMs: this.loopDelay.max / 1e6,
			slowSeconds: [...slowest].filter(([, worst]) => worst > 20),
		};
	}
}
