/**
 * Where the insight stream's per-event time goes in the Nex Trigger's process: runs the stream
 * (`insightStream.ts`, trigger and raw client together) under the V8 CPU profiler, only while
 * events flow, and prints each category's and this package's functions' self time per event.
 *
 *   node --expose-gc --import tsx bench/streamProfile.ts [rate=1000] [seconds=20] [--save file.cpuprofile] [--no-profile]
 *
 * `--no-profile` only prints the CPU time per event and the latency (for before/after comparisons).
 */
import '../test/harness/bootstrap';

import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

import { streamRun } from './insightStream';
import { attribute, type CpuProfile } from './profile';

async function main(): Promise<void> {
	const [rateText = '1000', secondsText = '20'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--') && !arg.endsWith('.cpuprofile'));
	const saveIndex = process.argv.indexOf('--save');
	const savePath = saveIndex > 0 ? process.argv[saveIndex + 1] : undefined;
	const rate = Number(rateText);
	const seconds = Number(secondsText);
	const session = new Session();
	session.connect();
	let profile: CpuProfile | undefined;
	if (process.argv.includes('--no-profile')) {
		const run = await streamRun(rate, seconds, 0);
		process.stdout.write(
			`${run.node.received}/${run.sent} events at ${rate}/s: p99 ${run.node.p99.toFixed(1)} ms (raw ${run.baseline.p99.toFixed(1)}), ` +
				`CPU per event ${run.node.cpuUsPerEvent.toFixed(0)} µs (raw ${run.baseline.cpuUsPerEvent.toFixed(0)} µs), ${run.node.duplicates} duplicates\n`,
		);
		process.exit(0);
	}
	const run = await streamRun(rate, seconds, 0, {
		async flowing() {
			await session.post('Profiler.enable');
			await session.post('Profiler.setSamplingInterval', { interval: 100 });
			await session.post('Profiler.start');
		},
		async sent() {
			profile = ((await session.post('Profiler.stop')) as unknown as { profile: CpuProfile }).profile;
		},
	});
	session.disconnect();
	if (!profile) throw new Error('No profile was taken');
	if (savePath) writeFileSync(savePath, JSON.stringify(profile));
	const events = run.node.received;
	const { byCategory, functions, totalMs } = attribute(profile);
	const perEvent = (ms: number) => `${((ms * 1000) / events).toFixed(1)} µs`.padStart(10);
	process.stdout.write(
		`${events} events at ${rate}/s: p99 ${run.node.p99.toFixed(1)} ms (raw ${run.baseline.p99.toFixed(1)}), CPU ${(run.node.cpuShare * 100).toFixed(0)}% ` +
			`(raw ${(run.baseline.cpuShare * 100).toFixed(0)}%), CPU per event ${run.node.cpuUsPerEvent.toFixed(0)} µs (raw ${run.baseline.cpuUsPerEvent.toFixed(0)} µs); profiled ${totalMs.toFixed(0)} ms; self time per event:\n`,
	);
	for (const [category, ms] of [...byCategory].sort((a, b) => b[1] - a[1])) {
		process.stdout.write(`${perEvent(ms)}  ${category}\n`);
		if (category.includes('idle')) continue;
		const top = [...(functions.get(category) ?? [])].sort((a, b) => b[1] - a[1]);
		for (const [name, fnMs] of top.slice(0, category.startsWith('this package') ? 14 : 6)) {
			process.stdout.write(`            ${perEvent(fnMs)}  ${name}\n`);
		}
	}
	process.exit(0);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
