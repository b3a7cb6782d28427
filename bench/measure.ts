/** Small measuring tools for `npm run bench`: medians, ratios and a heap sampler. */

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values: number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[index];
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const started = process.hrtime.bigint();
	const value = await run();
	return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

export function collectGarbage(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

/**
 * Peak heap above the settled baseline while `run` works (sampled every 2 ms; run with
 * --expose-gc). Garbage V8 has not collected yet counts: it is what the process holds.
 */
export async function peakHeapDuring<T>(run: () => Promise<T>): Promise<{ peakBytes: number; value: T }> {
	const baseline = await settledHeapBytes();
	let peak = baseline;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	}, 2);
	try {
		const value = await run();
		peak = Math.max(peak, process.memoryUsage().heapUsed);
		return { peakBytes: peak - baseline, value };
	} finally {
		clearInterval(sampler);
	}
}

/**
 * Runs each contender `rounds` times, interleaved (A B C, A B C, ...) so machine noise hits all
 * alike, after one warm-up round; returns each contender's median milliseconds.
 */
export async function interleavedMedians(
	contenders: Record<string, () => Promise<unknown>>,
	rounds: number,
	warmUp = true,
): Promise<Record<string, { medianMs: number; runsMs: number[] }>> {
	const names = Object.keys(contenders);
	if (warmUp) for (const name of names) await contenders[name]();
	const runs: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
	for (let round = 0; round < rounds; round++) {
		for (const name of names) runs[name].push((await timed(contenders[name])).ms);
	}
	return Object.fromEntries(names.map((name) => [name, { medianMs: median(runs[name]), runsMs: runs[name] }]));
}

/** One network condition of a run: the round-trip time the latency proxy charges (0: loopback, no proxy). */
export interface Condition {
	rttMs: number;
	/** Timed rounds per contender. */
	rounds: number;
	/** One untimed round first (the first condition warms the code up for the others). */
	warmUp: boolean;
}

export interface BenchRow {
	/** The section's key (`nex`, `nexus`, ...), for the chart. */
	section?: string;
	/** Round-trip time the figure was measured at (0: loopback). */
	rttMs?: number;
	figure: string;
	value: string;
	baseline: string;
	ratio: string;
	target: string;
	met: boolean | null;
	/** The ratio and its target as numbers, where the target is a ceiling on a ratio (charted). */
	ratioValue?: number;
	targetValue?: number;
}

export const ratioText = (ratio: number) => `${ratio.toFixed(2)}x`;

/**
 * A row whose figure is a ratio with a ceiling as its target (charted): the ratio's text, the
 * target's, and whether it is met (at or under the ceiling, and `alsoMet`) all follow from the two
 * numbers.
 */
export function ceilingRow(
	row: Omit<BenchRow, 'ratio' | 'ratioValue' | 'target' | 'targetValue' | 'met'>,
	ratio: number,
	ceiling: number,
	alsoMet = true,
): BenchRow {
	return { ...row, ratio: ratioText(ratio), ratioValue: ratio, target: `<= ${ceiling}x`, targetValue: ceiling, met: ratio <= ceiling && alsoMet };
}

export const rttText = (rttMs: number | undefined) => (rttMs === undefined ? '-' : rttMs === 0 ? 'loopback' : `${rttMs} ms`);

export function formatTable(rows: BenchRow[]): string {
	const header: BenchRow = { figure: 'Figure', value: 'Value', baseline: 'Baseline (same run)', ratio: 'Ratio', target: 'Target', met: null };
	const all = [header, ...rows];
	const cell = (row: BenchRow) => [
		row === header ? 'RTT' : rttText(row.rttMs),
		row.figure,
		row.value,
		row.baseline,
		row.ratio,
		row.target,
		row.met === null ? (row === header ? 'Met' : '-') : row.met ? 'met' : 'MISSED',
	];
	const widths = cell(header).map((_, i) => Math.max(...all.map((row) => cell(row)[i].length)));
	const line = (row: BenchRow) => `| ${cell(row).map((text, i) => text.padEnd(widths[i])).join(' | ')} |`;
	return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Wall clock with sub-millisecond resolution (epoch ms), comparable between processes on one machine. */
export function wallClockMs(): number {
	return performance.timeOrigin + performance.now();
}

/**
 * Heap in use once pending callbacks ran and garbage was collected (run with --expose-gc): right
 * after a run, sockets and timers still hold some of its data for a few milliseconds.
 */
export async function settledHeapBytes(): Promise<number> {
	for (let i = 0; i < 3; i++) {
		collectGarbage();
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	collectGarbage();
	return process.memoryUsage().heapUsed;
}

/** Heap still held, after garbage collection, while the value `run` resolved with is kept. */
export async function retainedHeapOf<T>(run: () => Promise<T>): Promise<{ retainedBytes: number; value: T }> {
	const before = await settledHeapBytes();
	const value = await run();
	return { retainedBytes: (await settledHeapBytes()) - before, value };
}
