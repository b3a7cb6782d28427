/**
 * Benchmark of the Nex Trigger (not a test): the trigger runs through n8n's engine against the
 * Nex sandbox while the sandbox emits insight batches at a fixed rate; prints emit latency
 * (sandbox emit → workflow execution) p50/p99 and memory growth.
 *
 *   npx tsx --expose-gc test/nexTrigger/bench.ts [seconds=60] [eventsPerSecond=1000]
 */
import '../harness/bootstrap';

import { pause, startTriggerTest } from './helpers';

async function main(): Promise<void> {
	const seconds = Number(process.argv[2] ?? 60);
	const rate = Number(process.argv[3] ?? 1000);
	const gc = (globalThis as { gc?: () => void }).gc;
	const t = await startTriggerTest({ keepaliveIntervalMs: 30_000 });
	const trigger = await t.start({ options: { watchdogTimeout: 75 } }, { staticData: {} });
	while (t.sandbox.streamClientCount() === 0) await pause(10);

	const sentAt = new Map<string, number>();
	const latencies: number[] = [];
	let seen = 0;
	const collect = () => {
		const items = trigger.executions.flat();
		for (; seen < items.length; seen++) {
			const content = String(items[seen].json.content);
			const at = sentAt.get(content);
			if (at !== undefined) {
				latencies.push(performance.now() - at);
				sentAt.delete(content);
			}
		}
	};
	gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	const start = performance.now();
	let sent = 0;
	const total = seconds * rate;
	while (sent < total) {
		const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
		for (; sent < due; sent++) {
			const content = `bench ${sent}`;
			sentAt.set(content, performance.now());
			t.sandbox.emitInsightBatch([{ content, type: 'activity' }]);
		}
		collect();
		await pause(1);
	}
	const deadline = performance.now() + 10_000;
	while (latencies.length < total && performance.now() < deadline) {
		collect();
		await pause(5);
	}
	// Drop what the test keeps (executions) and the sandbox stores (insights): what remains is the trigger's.
	trigger.executions.length = 0;
	t.sandbox.store.insights.length = 0;
	seen = 0;
	gc?.();
	const heapAfter = process.memoryUsage().heapUsed;
	await trigger.close();
	await t.close();

	const sorted = [...latencies].sort((a, b) => a - b);
	const pct = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);
	const elapsed = (performance.now() - start) / 1000;
	console.log(`events sent: ${total} in ${elapsed.toFixed(1)} s (${rate}/s target), received: ${latencies.length}, errors: ${trigger.errors.length}`);
	console.log(`emit latency p50: ${pct(50).toFixed(1)} ms, p99: ${pct(99).toFixed(1)} ms, max: ${sorted.at(-1)?.toFixed(1)} ms`);
	console.log(
		`heap growth: ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MiB${gc ? '' : ' (run with --expose-gc for a meaningful figure)'}`,
	);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
