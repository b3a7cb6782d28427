/**
 * The insight stream's per-event path in isolation, as CPU time per event: the bytes the Nex
 * sandbox sends for the bench's events (one insight per batch, captured once over HTTP) fed to
 * the trigger's SSE parser and its listener (JSON with exact ids, filters, duplicate check, the
 * memory, the output item), with the workflow's static data an n8n observable object; then the
 * same with n8n's save of the static data at every emit (`JSON.stringify`, as n8n writes it to
 * its database). The raw client's path (eventsource-parser and `JSON.parse`) on the same bytes
 * is the baseline. No network, no timers: what the package's code costs per event.
 *
 *   node --expose-gc --import tsx bench/streamPath.ts [events=20000]
 */
import { createParser } from 'eventsource-parser';
import type { IDataObject, INodeExecutionData, ITriggerFunctions } from 'n8n-workflow';
import { create as observable } from 'n8n-workflow/dist/cjs/observable-object';

import { startNexSandbox } from '../test/sandbox/nex';
import { InsightListener } from '../nodes/NexTrigger/listener';
import { SseParser, type SseMessage } from '../nodes/NexTrigger/sse/parser';
import { STREAM_PREFIX } from './streamMeasure';

/** One SSE frame per event, as the sandbox writes them. */
async function captureFrames(count: number): Promise<Buffer[]> {
	const sandbox = await startNexSandbox({ port: 0, keepaliveIntervalMs: 60_000 });
	try {
		const response = await fetch(`${sandbox.baseUrl}/v1/insights/stream`, { headers: { authorization: `Bearer ${sandbox.keys.full}` } });
		const reader = response.body!.getReader();
		let text = '';
		const read = (async () => {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) return;
				text += Buffer.from(value).toString('utf8');
				if ((text.match(/insight\.batch\.created/g) ?? []).length >= count && text.endsWith('\n\n')) return;
			}
		})();
		await new Promise((resolve) => setTimeout(resolve, 200));
		const start = Date.now();
		for (let i = 0; i < count; i++) sandbox.emitInsightBatch([{ content: `${STREAM_PREFIX} ${i} ${start + i}`, type: 'activity' }]);
		await Promise.race([read, new Promise((resolve) => setTimeout(resolve, 20_000))]);
		await reader.cancel();
		return text
			.split(/\n\n/)
			.filter((frame) => frame.includes('insight.batch.created'))
			.slice(0, count)
			.map((frame) => Buffer.from(`${frame}\n\n`));
	} finally {
		await sandbox.close();
	}
}

function listenerFor(saveAtEmit: boolean): { listener: { onMessage(message: SseMessage): void }; emitted: () => number } {
	const workflowStaticData = observable({}) as IDataObject & { __dataChanged: boolean };
	let emitted = 0;
	const context = {
		getWorkflowStaticData: () => {
			workflowStaticData['node:Nex Trigger'] ??= observable({}, workflowStaticData);
			return workflowStaticData['node:Nex Trigger'];
		},
		emit: (data: INodeExecutionData[][]) => {
			emitted += data[0]?.length ?? 0;
			if (saveAtEmit && workflowStaticData.__dataChanged) {
				JSON.stringify(workflowStaticData);
				workflowStaticData.__dataChanged = false;
			}
		},
		getNode: () => ({ name: 'Nex Trigger' }),
		logger: { debug: () => undefined, warn: () => undefined, error: () => undefined },
	} as unknown as ITriggerFunctions;
	const listener = new InsightListener(
		context,
		{ baseUrl: 'http://unused', request: async () => await Promise.reject(new Error('no requests here')) },
		{ includeReplay: false, outputMode: 'batch', filters: { types: [], minConfidence: '', entityTypes: [] }, watchdogMs: 60_000, reconnectBaseMs: 1_000, reconnectMaxMs: 60_000, recentLimit: 10 },
		false,
	);
	return { listener: listener as unknown as { onMessage(message: SseMessage): void }, emitted: () => emitted };
}

function cpuUsPerEvent(frames: Buffer[], feed: (frame: Buffer) => void): number {
	const before = process.cpuUsage();
	for (const frame of frames) feed(frame);
	const used = process.cpuUsage(before);
	return (used.user + used.system) / frames.length;
}

async function main(): Promise<void> {
	const count = Number(process.argv[2] ?? 20_000);
	const frames = await captureFrames(count);
	if (frames.length < count) throw new Error(`captured ${frames.length} of ${count} events`);
	const results: Record<string, number[]> = { raw: [], trigger: [], triggerWithSave: [] };
	// Interleaved rounds, the first of each a warm-up.
	for (let round = 0; round < 4; round++) {
		const parser = createParser({ onEvent: (event) => JSON.parse(event.data) as unknown });
		const raw = cpuUsPerEvent(frames, (frame) => parser.feed(frame.toString('utf8')));
		const runs: Array<[string, boolean]> = [['trigger', false], ['triggerWithSave', true]];
		const measured: Record<string, number> = { raw };
		for (const [name, save] of runs) {
			const { listener, emitted } = listenerFor(save);
			const sse = new SseParser();
			measured[name] = cpuUsPerEvent(frames, (frame) => {
				for (const message of sse.push(frame)) listener.onMessage(message);
			});
			if (emitted() !== count) throw new Error(`${name} emitted ${emitted()} of ${count}`);
		}
		if (round > 0) for (const name of Object.keys(results)) results[name].push(measured[name]);
	}
	const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
	process.stdout.write(
		`${count} events, CPU per event (median of 3 rounds): raw SSE client ${median(results.raw).toFixed(1)} µs; ` +
			`trigger ${median(results.trigger).toFixed(1)} µs; trigger with n8n's static-data save at each emit ${median(results.triggerWithSave).toFixed(1)} µs\n`,
	);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
