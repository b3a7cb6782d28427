/**
 * `npm run bench`: every figure measured against the sandboxes on 127.0.0.1, as the median of
 * several interleaved runs, beside its baseline measured in the same run. Prints a table and
 * writes it to bench/results/latest.json.
 */
import '../test/harness/bootstrap';

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { formatTable, type BenchRow } from './measure';
import { benchNexReturnAll } from './nexReturnAll';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

async function main(): Promise<void> {
	const started = Date.now();
	const rows: BenchRow[] = [];
	const sections: Array<[string, () => Promise<BenchRow[]>]> = [['Nex Return All', () => benchNexReturnAll(ROUNDS)]];
	for (const [name, run] of sections) {
		process.stderr.write(`bench: ${name}...\n`);
		rows.push(...(await run()));
	}
	const table = formatTable(rows);
	process.stdout.write(`${table}\n`);
	const outDir = join(__dirname, 'results');
	mkdirSync(outDir, { recursive: true });
	writeFileSync(
		join(outDir, 'latest.json'),
		`${JSON.stringify({ measuredAt: new Date().toISOString(), rounds: ROUNDS, seconds: Math.round((Date.now() - started) / 1000), node: process.version, rows }, null, 2)}\n`,
	);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
