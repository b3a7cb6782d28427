/**
 * `npm run bench`: every figure measured against the sandboxes on 127.0.0.1 (each in a child
 * process), as the median of several interleaved runs where it is a time, beside its baseline
 * measured in the same run. Prints a table and writes bench/results/latest.json and latest.md,
 * and the table into README.md between `<!-- bench:start -->` and `<!-- bench:end -->`.
 *
 *   BENCH_ROUNDS=3            timed rounds per contender of the Return All sections
 *   BENCH_STREAM_SECONDS=60   how long the insight stream runs (the trigger and the raw client read it together)
 *   BENCH_ONLY=nex,stream     only these sections (nex, nexus, nexusTrigger, exchange, stream);
 *                             prints the table but writes no results
 */
import '../test/harness/bootstrap';

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

import { benchInsightStream } from './insightStream';
import { formatTable, type BenchRow } from './measure';
import { benchNexReturnAll } from './nexReturnAll';
import { benchNexusKeyExchanges } from './nexusKeyExchange';
import { benchNexusReturnAll } from './nexusReturnAll';
import { startNexusChild, type NexusChild } from './nexusSetup';
import { benchNexusTrigger } from './nexusTrigger';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const STREAM_SECONDS = Number(process.env.BENCH_STREAM_SECONDS ?? 60);
const ONLY = process.env.BENCH_ONLY?.split(',').map((key) => key.trim());

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

function markdown(rows: BenchRow[], measuredAt: string, seconds: number, notesLink: string): string {
	return [
		`Measured ${measuredAt.slice(0, 16).replace('T', ' ')} UTC with \`npm run bench\` (${ROUNDS} rounds, ` +
			`stream of ${STREAM_SECONDS} s, ${Math.round(seconds)} s in all) on ${machine()}, ` +
			`load average ${load.start.toFixed(1)} at the start and ${load.end.toFixed(1)} at the end. ` +
			'Every baseline was measured in the same run; times are medians. ' +
			`Where a target is missed, [bench/README.md](${notesLink}) says where the time or memory goes.`,
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
		['nex', 'Nex Return All', async () => await benchNexReturnAll(ROUNDS)],
		['nexus', 'Nexus Return All', async () => await benchNexusReturnAll(await nexusChild(), ROUNDS)],
		['nexusTrigger', 'Nexus Trigger', async () => await benchNexusTrigger(await nexusChild())],
		['exchange', 'Nexus key exchanges', async () => await benchNexusKeyExchanges(await nexusChild())],
		['stream', 'Insight stream', async () => await benchInsightStream(STREAM_SECONDS)],
	];
	try {
		for (const [key, name, run] of sections) {
			if (ONLY && !ONLY.includes(key)) continue;
			const sectionStarted = Date.now();
			process.stderr.write(`bench: ${name}...\n`);
			rows.push(...(await run()));
			const seconds = (Date.now() - sectionStarted) / 1000;
			timings.push({ section: name, seconds: Math.round(seconds) });
			process.stderr.write(`bench: ${name} took ${Math.round(seconds)} s\n`);
		}
	} finally {
		await nexus?.child.stop();
	}
	const seconds = (Date.now() - started) / 1000;
	load.end = loadavg()[0];
	process.stdout.write(`${formatTable(rows)}\n`);
	process.stdout.write(
		`${timings.map((t) => `${t.section} ${t.seconds} s`).join(', ')}; ${Math.round(seconds)} s in all; ` +
			`load average ${load.start.toFixed(1)} → ${load.end.toFixed(1)}\n`,
	);
	if (ONLY) {
		process.stderr.write('bench: BENCH_ONLY is set, so bench/results/ and README.md were left as they were\n');
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
				rounds: ROUNDS,
				streamSeconds: STREAM_SECONDS,
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
	writeFileSync(join(outDir, 'latest.md'), `# Benchmark results\n\n${markdown(rows, measuredAt, seconds, '../README.md')}\n`);
	if (updateReadme(README, markdown(rows, measuredAt, seconds, 'bench/README.md'))) {
		process.stderr.write('bench: README.md updated between the bench markers\n');
	}
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	});
}
