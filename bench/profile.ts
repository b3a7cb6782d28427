/**
 * Where the time and the memory of a Return All go: runs the node against its sandbox child under
 * the V8 CPU profiler (in-process, only around the measured runs) and attributes the samples to
 * what spent them; then compares peak and retained heap with the raw loop's.
 *
 *   node --expose-gc --import tsx bench/profile.ts nex|nexus [runs=3]
 *
 * Prints the attribution; `--save <file>` also writes the .cpuprofile (for Chrome DevTools).
 */
import '../test/harness/bootstrap';

import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

import { jsonOf } from '../test/harness/engine';
import { peakHeapDuring, settledHeapBytes, timed } from './measure';
import { prepareNexReturnAll } from './nexReturnAll';
import { prepareNexusReturnAll } from './nexusReturnAll';
import { startNexusChild } from './nexusSetup';
import { startChildSandbox } from './sandboxProcess';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

export interface CpuProfile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/** What spent a sample, from the script it ran in. */
export function categoryOf(frame: ProfileNode['callFrame']): string {
	const { url, functionName } = frame;
	if (functionName === '(idle)') return 'waiting for the sandbox (idle)';
	if (functionName === '(garbage collector)') return 'garbage collection';
	if (/\/(nodes|credentials)\//.test(url) && !url.includes('node_modules')) return 'this package (nodes/, credentials/)';
	if (url.includes('/test/harness/')) return 'test harness (credential expressions, engine glue)';
	if (/node_modules\/(axios|follow-redirects|proxy-from-env|form-data|@n8n\/backend-network|undici)\//.test(url)) {
		return "HTTP client libraries (axios, n8n's agents)";
	}
	if (/node_modules\/(n8n-workflow|n8n-core|luxon|lodash|recast|esprima-next|ast-types|jmespath|@n8n\/)/.test(url)) {
		return "n8n's engine (routing, expressions, run data)";
	}
	if (url.startsWith('node:') || url === '' || /^\((writev|program|close|read|shutdown|runMicrotasks)\)$/.test(`(${functionName})`)) {
		return 'Node.js internals (sockets, HTTP parser, streams, timers)';
	}
	if (url.includes('/bench/')) return 'bench loop';
	return 'other';
}

export function attribute(profile: CpuProfile): {
	byCategory: Map<string, number>;
	functions: Map<string, Map<string, number>>;
	totalMs: number;
} {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const byCategory = new Map<string, number>();
	const functions = new Map<string, Map<string, number>>();
	let totalMs = 0;
	profile.samples.forEach((id, index) => {
		const ms = profile.timeDeltas[index] / 1000;
		totalMs += ms;
		const frame = byId.get(id)?.callFrame;
		if (!frame) return;
		const category = categoryOf(frame);
		byCategory.set(category, (byCategory.get(category) ?? 0) + ms);
		const name = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/(nodes|credentials|node_modules)\//, '$1/')}:${frame.lineNumber + 1}`;
		const inCategory = functions.get(category) ?? new Map<string, number>();
		inCategory.set(name, (inCategory.get(name) ?? 0) + ms);
		functions.set(category, inCategory);
	});
	return { byCategory, functions, totalMs };
}

async function profiled<T>(run: () => Promise<T>): Promise<{ profile: CpuProfile; wallMs: number }> {
	const session = new Session();
	session.connect();
	try {
		await session.post('Profiler.enable');
		await session.post('Profiler.setSamplingInterval', { interval: 200 });
		await session.post('Profiler.start');
		const { ms } = await timed(run);
		const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
		return { profile, wallMs: ms };
	} finally {
		session.disconnect();
	}
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

async function main(): Promise<void> {
	const [target = 'nex', runsText = '3'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
	const saveIndex = process.argv.indexOf('--save');
	const savePath = saveIndex > 0 ? process.argv[saveIndex + 1] : undefined;
	const runs = Number(runsText);
	let node: () => Promise<{ items: number; json: unknown; result: unknown }>;
	let raw: () => Promise<void>;
	let rawNoKeepAlive: () => Promise<void>;
	let stop: () => Promise<void>;
	if (target === 'nex') {
		const child = await startChildSandbox('nex');
		const setup = await prepareNexReturnAll(child);
		node = async () => {
			const result = await setup.runNex();
			return { items: setup.counts.nex, json: jsonOf(result, 'Nex'), result };
		};
		raw = setup.runRaw;
		rawNoKeepAlive = setup.runRawNoKeepAlive;
		stop = async () => await child.stop();
	} else if (target === 'nexus') {
		const nexus = await startNexusChild();
		const setup = await prepareNexusReturnAll(nexus);
		node = async () => {
			const result = await setup.runNode();
			return { items: setup.counts.node, json: jsonOf(result, 'Nexus'), result };
		};
		raw = async () => await setup.runRaw(true);
		rawNoKeepAlive = async () => await setup.runRaw(false);
		stop = async () => await nexus.child.stop();
	} else {
		throw new Error(`Unknown target ${target}: use nex or nexus`);
	}
	try {
		// Warm-up, then the timings of the loops without the profiler.
		await node();
		await raw();
		const rawMs: number[] = [];
		const rawNoKeepAliveMs: number[] = [];
		for (let i = 0; i < runs; i++) {
			rawMs.push((await timed(raw)).ms);
			rawNoKeepAliveMs.push((await timed(rawNoKeepAlive)).ms);
		}
		const { profile, wallMs } = await profiled(async () => {
			for (let i = 0; i < runs; i++) await node();
		});
		if (savePath) writeFileSync(savePath, JSON.stringify(profile));
		const { byCategory, functions, totalMs } = attribute(profile);
		const perRun = (value: number) => `${(value / runs).toFixed(0)} ms`.padStart(8);
		const share = (value: number) => `${((value / totalMs) * 100).toFixed(1)}%`.padStart(6);
		const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
		process.stdout.write(`${target} Return All, ${runs} profiled runs: ${perRun(wallMs)} per run (wall, profiler on)\n`);
		process.stdout.write(`  raw undici loop (keep-alive):   ${perRun(average(rawMs) * runs)} per run (no profiler)\n`);
		process.stdout.write(`  raw loop, new connection each:  ${perRun(average(rawNoKeepAliveMs) * runs)} per run (no profiler)\n`);
		process.stdout.write('Where the node run spends its time (sampled, per run):\n');
		for (const [category, ms] of [...byCategory].sort((a, b) => b[1] - a[1])) {
			process.stdout.write(`  ${perRun(ms)} ${share(ms)}  ${category}\n`);
			if (category.includes('idle') || category.includes('garbage')) continue;
			const top = [...(functions.get(category) ?? [])].sort((a, b) => b[1] - a[1]);
			for (const [name, fnMs] of top.slice(0, category.startsWith('this package') ? 10 : 5)) {
				if (fnMs / runs >= 1) process.stdout.write(`  ${' '.repeat(16)}${perRun(fnMs)}  ${name}\n`);
			}
		}

		// Memory: peak above the settled heap while running, and what stays while the result is held.
		const { peakBytes } = await peakHeapDuring(async () => {
			await node();
		});
		const before = await settledHeapBytes();
		let held: { json: unknown; result: unknown } | undefined = await node();
		const retained = (await settledHeapBytes()) - before;
		const jsonBytes = Buffer.byteLength(JSON.stringify(held.json));
		held = undefined;
		const rawPeak = await peakHeapDuring(raw);
		process.stdout.write(
			`Memory: JSON returned ${mb(jsonBytes)}; node peak ${mb(peakBytes)} (${(peakBytes / jsonBytes).toFixed(2)}x), ` +
				`retained after GC while the run's result is held ${mb(retained)} (${(retained / jsonBytes).toFixed(2)}x); ` +
				`raw loop peak ${mb(rawPeak.peakBytes)} (${(rawPeak.peakBytes / jsonBytes).toFixed(2)}x)\n`,
		);
	} finally {
		await stop();
	}
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	});
}
