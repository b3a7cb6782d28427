/**
 * `npm run bench`: every figure measured against the sandboxes (each in a child process), on
 * loopback and through a latency proxy charging a real round-trip time, as the median of several
 * interleaved runs where it is a time, beside its baselines measured in the same run. Prints a
 * table and writes bench/results/latest.json, latest.md and latest.svg (the chart), and the
 * table into README.md between `<!-- bench:start -->` and `<!-- bench:end -->`.
 *
 *   BENCH_RTT_MS=40                 round-trip time of the second condition (handshakes: 2 more per connection)
 *   BENCH_ROUNDS=3                  timed rounds per contender of the Return All sections, loopback
 *   BENCH_RTT_ROUNDS=1              the same through the proxy (the round trips dominate; noise is small)
 *   BENCH_STREAM_SECONDS=30         insight stream at 1,000 events/s
 *   BENCH_FAST_STREAM_SECONDS=60    insight stream at 10,000 events/s
 *   BENCH_LIMIT_RUNS=2              Nexus Return Alls timed under the rate limit
 *   BENCH_QUICK=1                   1 round, streams of 10 s, 1 run under the limit, no key-exchange section
 *   BENCH_ONLY=nex,stream           only these sections (nex, nexus, nexusLimit, nexusTrigger, exchange,
 *                                   stream); prints the table but writes no results unless BENCH_WRITE=1
 */
import '../test/harness/bootstrap';

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

import { chartSvg } from './chart';
import { benchInsightStream } from './insightStream';
import { formatTable, type BenchRow, type Condition } from './measure';
import { benchNexReturnAll } from './nexReturnAll';
import { benchNexusKeyExchanges } from './nexusKeyExchange';
import { benchNexusReturnAll, benchNexusUnderLimit } from './nexusReturnAll';
import { startNexusChild, type NexusChild } from './nexusSetup';
import { benchNexusTrigger } from './nexusTrigger';

const QUICK = Boolean(process.env.BENCH_QUICK);
const setting = (name: string, full: number, quick: number) => Number(process.env[name] ?? (QUICK ? quick : full));
const RTT_MS = setting('BENCH_RTT_MS', 40, 40);
const ROUNDS = setting('BENCH_ROUNDS', 3, 1);
const RTT_ROUNDS = setting('BENCH_RTT_ROUNDS', 1, 1);
const STREAM_SECONDS = setting('BENCH_STREAM_SECONDS', 30, 10);
const FAST_STREAM_SECONDS = setting('BENCH_FAST_STREAM_SECONDS', 60, 10);
const LIMIT_RUNS = setting('BENCH_LIMIT_RUNS', 2, 1);
const ONLY = process.env.BENCH_ONLY?.split(',').map((key) => key.trim());
const SKIP = QUICK && !ONLY ? ['exchange'] : [];

/** Loopback first (it also warms the code up), then the round-trip time of the internet. */
const CONDITIONS: Condition[] = [
	{ rttMs: 0, rounds: ROUNDS, warmUp: true },
	{ rttMs: RTT_MS, rounds: RTT_ROUNDS, warmUp: false },
];

const README = join(__dirname, '..', 'README.md');
const README_START = '<!-- bench:start -->';
const README_END = '<!-- bench:end -->';

interface SectionTiming {
	section: string;
	seconds: number;
}

function machine(): string {
	const cores = cpus();
	return `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`;
}

const escapePipes = (text: string) => text.replace(/\|/g, '\\|');

/** The table with a line saying when, how and where it was measured; `notesLink` points at bench/README.md. */
/** The machine's 1-minute load average at the start and at the end: other work on it shows in the figures. */
const load = { start: loadavg()[0], end: 0 };

function markdown(rows: BenchRow[], measuredAt: string, seconds: number, notesLink: string, chartLink: string): string {
	return [
		`Measured ${measuredAt.slice(0, 16).replace('T', ' ')} UTC with \`npm run bench${QUICK ? ' (BENCH_QUICK)' : ''}${ONLY ? `, sections ${ONLY.join(', ')} only` : ''}\` ` +
			`(loopback: ${ROUNDS} rounds; ${RTT_MS} ms round trip through the latency proxy: ${RTT_ROUNDS} round${RTT_ROUNDS === 1 ? '' : 's'}; ` +
			`streams of ${STREAM_SECONDS} s at 1,000/s and ${FAST_STREAM_SECONDS} s at 10,000/s; ${Math.round(seconds)} s in all) on ${machine()}, ` +
			`load average ${load.start.toFixed(1)} at the start and ${load.end.toFixed(1)} at the end. ` +
			'Every baseline was measured in the same run and at the same round-trip time; times are medians. ' +
			`Where a target is missed, [bench/README.md](${notesLink}) says where the time or memory goes.`,
		'',
		`![Figures against their targets](${chartLink})`,
		'',
		targetSummary(rows),
		'',
		formatTable(
			rows.map((row) => ({
				...row,
				figure: escapePipes(row.figure),
				value: escapePipes(row.value),
				baseline: escapePipes(row.baseline),
				ratio: escapePipes(row.ratio),
				target: escapePipes(row.target),
			})),
		),
	].join('\n');
}

/** "9 targets met, 4 missed". */
export function targetSummary(rows: BenchRow[]): string {
	const met = rows.filter((row) => row.met === true).length;
	const missed = rows.filter((row) => row.met === false).length;
	return `Targets: ${met} met, ${missed} missed.`;
}

/** Replaces what stands between a README's bench markers; leaves a README without them alone. */
export function updateReadme(path: string, table: string): boolean {
	if (!existsSync(path)) return false;
	const text = readFileSync(path, 'utf8');
	const start = text.indexOf(README_START);
	const end = text.indexOf(README_END);
	if (start < 0 || end < start) return false;
	writeFileSync(path, `${text.slice(0, start + README_START.length)}\n${table}\n${text.slice(end)}`);
	return true;
}

async function main(): Promise<void> {
	const started = Date.now();
	const rows: BenchRow[] = [];
	const timings: SectionTiming[] = [];
	// One Nexus sandbox for the Nexus sections, in this order: Return All seeds the 10,000 orders
	// the trigger's burst changes; the key-exchange section shortens the JWT lifetime last.
	let nexus: NexusChild | undefined;
	const nexusChild = async () => (nexus ??= await startNexusChild());
	const sections: Array<[string, string, () => Promise<BenchRow[]>]> = [
		['nex', 'Nex Return All', async () => await benchNexReturnAll(CONDITIONS)],
		['nexus', 'Nexus Return All', async () => await benchNexusReturnAll(await nexusChild(), CONDITIONS)],
		['nexusLimit', 'Nexus Return All under the rate limit', async () => await benchNexusUnderLimit(await nexusChild(), CONDITIONS, LIMIT_RUNS)],
		['nexusTrigger', 'Nexus Trigger', async () => await benchNexusTrigger(await nexusChild(), CONDITIONS)],
		['exchange', 'Nexus key exchanges', async () => await benchNexusKeyExchanges(await nexusChild(), CONDITIONS)],
		['stream', 'Insight stream', async () => await benchInsightStream(CONDITIONS, STREAM_SECONDS, FAST_STREAM_SECONDS)],
	];
	try {
		for (const [key, name, run] of sections) {
			if ((ONLY && !ONLY.includes(key)) || SKIP.includes(key)) continue;
			const sectionStarted = Date.now();
			process.stderr.write(`bench: ${name}...\n`);
			try {
				rows.push(...(await run()));
			} catch (error) {
				// One section failing must not cost the others' figures: it shows as a missed row.
				const message = error instanceof Error ? error.message : String(error);
				process.stderr.write(`bench: ${name} failed: ${error instanceof Error ? error.stack : message}\n`);
				rows.push({ section: key, figure: `${name}: the section failed (${message.slice(0, 200)})`, value: '-', baseline: '-', ratio: '-', target: 'runs', met: false });
			}
			const seconds = (Date.now() - sectionStarted) / 1000;
			timings.push({ section: name, seconds: Math.round(seconds) });
			process.stderr.write(`bench: ${name} took ${Math.round(seconds)} s\n`);
		}
	} finally {
		await nexus?.child.stop();
	}
	const seconds = (Date.now() - started) / 1000;
	load.end = loadavg()[0];
	process.stdout.write(`${formatTable(rows)}\n${targetSummary(rows)}\n`);
	process.stdout.write(
		`${timings.map((t) => `${t.section} ${t.seconds} s`).join(', ')}; ${Math.round(seconds)} s in all; ` +
			`load average ${load.start.toFixed(1)} → ${load.end.toFixed(1)}\n`,
	);
	if (ONLY && !process.env.BENCH_WRITE) {
		process.stderr.write('bench: BENCH_ONLY is set (without BENCH_WRITE), so bench/results/ and README.md were left as they were\n');
		return;
	}
	const measuredAt = new Date().toISOString();
	const outDir = join(__dirname, 'results');
	mkdirSync(outDir, { recursive: true });
	writeFileSync(
		join(outDir, 'latest.json'),
		`${JSON.stringify(
			{
				measuredAt,
				quick: QUICK,
				rttMs: RTT_MS,
				rounds: ROUNDS,
				rttRounds: RTT_ROUNDS,
				streamSeconds: STREAM_SECONDS,
				fastStreamSeconds: FAST_STREAM_SECONDS,
				limitRuns: LIMIT_RUNS,
				seconds: Math.round(seconds),
				machine: machine(),
				loadAverage: { start: load.start, end: load.end },
				sections: timings,
				rows,
			},
			null,
			2,
		)}\n`,
	);
	writeFileSync(join(outDir, 'latest.svg'), chartSvg(rows, `n8n-nodes-nex bench, ${measuredAt.slice(0, 16).replace('T', ' ')} UTC: loopback and ${RTT_MS} ms round trip`));
	writeFileSync(join(outDir, 'latest.md'), `# Benchmark results\n\n${markdown(rows, measuredAt, seconds, '../README.md', 'latest.svg')}\n`);
	if (updateReadme(README, markdown(rows, measuredAt, seconds, 'bench/README.md', 'bench/results/latest.svg'))) {
		process.stderr.write('bench: README.md updated between the bench markers\n');
	}
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	});
}
