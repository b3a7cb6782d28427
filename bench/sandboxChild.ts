/**
 * Child-process entry of `sandboxProcess.ts`: starts one sandbox and reports its URLs and keys.
 *
 * Over IPC it also answers `clock` (its wall clock, to line up emit times across the two
 * processes) and, for Nex, runs `emitInsights`: insight batches of one insight each at a fixed
 * rate, each stamped in its content with the time it was handed to the stream.
 */

import { startLatencyProxy } from './latencyProxy';
import { wallClockMs } from './measure';
import type { ChildReply, ChildRequest, EmitInsightsRequest } from './sandboxProcess';

function reply(message: ChildReply): void {
	process.send?.(message);
}

/**
 * Emits `rate` events a second for `seconds`: every millisecond tick sends what is due, so the
 * events stay evenly spread even when a tick comes late. `lateTicks` counts ticks more than 5 ms late.
 */
function emitAtRate(emit: (content: string) => void, request: EmitInsightsRequest): void {
	const total = Math.round(request.rate * request.seconds);
	const started = performance.now();
	let sent = 0;
	let lateTicks = 0;
	let lastTick = started;
	const tick = () => {
		const now = performance.now();
		if (now - lastTick > 5) lateTicks++;
		lastTick = now;
		const due = Math.min(total, Math.floor(((now - started) / 1000) * request.rate));
		for (; sent < due; sent++) emit(`${request.prefix} ${sent} ${wallClockMs().toFixed(3)}`);
		if (sent < total) setTimeout(tick, 1);
		else reply({ cmd: 'emitInsights', sent, seconds: (performance.now() - started) / 1000, lateTicks });
	};
	setTimeout(tick, 1);
}

/** Answers `proxy`: a latency proxy in front of the sandbox at `baseUrl`. */
async function proxyFor(baseUrl: string, rttMs: number): Promise<void> {
	const target = new URL(baseUrl);
	const proxy = await startLatencyProxy(Number(target.port), rttMs);
	reply({ cmd: 'proxy', url: `${proxy.url}${target.pathname.replace(/\/$/, '')}` });
}

async function main(): Promise<void> {
	const [kind, optionsJson] = process.argv.slice(2);
	const options = JSON.parse(optionsJson ?? '{}') as Record<string, unknown>;
	if (kind === 'nex') {
		const { startNexSandbox } = await import('../test/sandbox/nex');
		const sandbox = await startNexSandbox({ port: 0, ...options });
		process.on('message', (message: ChildRequest) => {
			if (message.cmd === 'clock') reply({ cmd: 'clock', nowMs: wallClockMs() });
			else if (message.cmd === 'proxy') void proxyFor(sandbox.baseUrl, message.rttMs);
			else if (message.cmd === 'emitInsights') {
				emitAtRate((content) => void sandbox.emitInsightBatch([{ content, type: 'activity' }]), message);
			}
		});
		process.send?.({ baseUrl: sandbox.baseUrl, controlUrl: sandbox.controlUrl, keys: sandbox.keys });
		process.once('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
	} else {
		const { startNexusSandbox } = await import('../test/sandbox/nexus');
		const sandbox = await startNexusSandbox({ port: 0, ...options });
		process.on('message', (message: ChildRequest) => {
			if (message.cmd === 'clock') reply({ cmd: 'clock', nowMs: wallClockMs() });
			else if (message.cmd === 'proxy') void proxyFor(sandbox.baseUrl, message.rttMs);
		});
		process.send?.({ baseUrl: sandbox.baseUrl, controlUrl: sandbox.controlUrl, anonKey: sandbox.anonKey, orgs: sandbox.orgs });
		process.once('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
