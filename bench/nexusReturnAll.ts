import { request } from 'undici';

import { jsonOf, type TestEngine, type WorkflowResult } from '../test/harness/engine';
import type { LoggedRequest } from '../test/sandbox/shared/requestLog';
import { interleavedMedians, peakHeapDuring, retainedHeapOf, type BenchRow } from './measure';
import { ensureNexusOrders, NEXUS_CREDENTIAL, NEXUS_ORDERS, nexusEngine, nexusNode, type NexusChild } from './nexusSetup';
import { manualThen } from './workflow';

function header(entry: LoggedRequest, name: string): string {
	const value = entry.headers[name];
	return Array.isArray(value) ? value.join(', ') : String(value ?? '');
}

export interface NexusReturnAllSetup {
	/** Items of the last run of each contender. */
	counts: { node: number; raw: number };
	runNode(): Promise<WorkflowResult>;
	runRaw(keepAlive: boolean): Promise<void>;
}

/**
 * The contenders of Nexus Return All over 10,000 orders (seeded here into organization A): the
 * Nexus node (orders, Get Many, Return All, default options) in n8n's engine, and a raw undici
 * loop that sends the very page requests the node sent (each page's query string with its keyset
 * condition, anon key and JWT, read from the sandbox's request log; the data does not change
 * between runs, so the same queries read the same pages) one after another, on one keep-alive
 * connection or on a new connection per request.
 */
export async function prepareNexusReturnAll(nexus: NexusChild): Promise<NexusReturnAllSetup> {
	const { child } = nexus;
	await ensureNexusOrders(nexus);
	const engine: TestEngine = nexusEngine(nexus);
	const workflow = manualThen(nexusNode({ resource: 'order', operation: 'getAll', returnAll: true }));

	const counts = { node: 0, raw: 0 };
	const runNode = async () => {
		const result = await engine.run(workflow);
		if (result.error) throw result.error;
		counts.node = jsonOf(result, 'Nexus').length;
		// The sandbox logs every request; keep its log from growing over the rounds.
		await child.control('DELETE', '/requests');
		return result;
	};

	// One run of the node (it also exchanges the key), then its page requests are the template.
	await child.control('DELETE', '/requests');
	await engine.run(workflow);
	const logged = ((await child.control('GET', '/requests')) as { requests: LoggedRequest[] }).requests;
	await child.control('DELETE', '/requests');
	const pages = logged.filter((entry) => entry.path === '/rest/v1/orders' && entry.status === 200);
	const first = pages[0];
	if (!first) throw new Error('The Nexus node sent no request to /rest/v1/orders');
	const pageUrls = pages.map((page) => `${child.info.baseUrl}${page.path}?${page.rawQuery}`);
	const fixedHeaders = {
		accept: 'application/json',
		apikey: header(first, 'apikey'),
		authorization: header(first, 'authorization'),
	};
	if (fixedHeaders.authorization !== `Bearer ${String(engine.credentials.get(NEXUS_CREDENTIAL.id)?.data.accessToken)}`) {
		throw new Error('The node did not send the JWT stored in its credential');
	}

	const runRaw = async (keepAlive: boolean) => {
		const all: unknown[] = [];
		for (const pageUrl of pageUrls) {
			const answer = await request(pageUrl, {
				headers: { ...fixedHeaders, ...(keepAlive ? {} : { connection: 'close' }) },
				reset: !keepAlive,
			});
			all.push(...((await answer.body.json()) as unknown[]));
		}
		counts.raw = all.length;
		await child.control('DELETE', '/requests');
	};
	return { counts, runNode, runRaw };
}

/**
 * Nexus Return All over 10,000 orders: the Nexus node against the raw undici loop (the limit) and
 * the loop on a new connection per request (what n8n's request helper does).
 */
export async function benchNexusReturnAll(nexus: NexusChild, rounds: number): Promise<BenchRow[]> {
	const { counts, runNode, runRaw } = await prepareNexusReturnAll(nexus);
	const medians = await interleavedMedians(
		{
			nexus: runNode,
			raw: async () => await runRaw(true),
			rawNoKeepAlive: async () => await runRaw(false),
		},
		rounds,
	);
	const memory = await peakHeapDuring(runNode);
	const returnedBytes = Buffer.byteLength(JSON.stringify(jsonOf(memory.value, 'Nexus')));
	const retained = await retainedHeapOf(runNode);
	const rawMemory = await peakHeapDuring(async () => await runRaw(true));
	const nodeMs = medians.nexus.medianMs;
	const countText = `${counts.node}/${counts.raw} of ${NEXUS_ORDERS}`;
	return [
		{
			figure: `Nexus Return All, ${NEXUS_ORDERS} orders (node/raw counts ${countText})`,
			value: `${nodeMs.toFixed(0)} ms`,
			baseline: `raw undici loop ${medians.raw.medianMs.toFixed(0)} ms`,
			ratio: `${(nodeMs / medians.raw.medianMs).toFixed(2)}x`,
			target: '<= 1.15x',
			met: nodeMs / medians.raw.medianMs <= 1.15 && counts.node === NEXUS_ORDERS && counts.raw === NEXUS_ORDERS,
		},
		{
			figure: 'Nexus Return All vs raw loop with a new connection per request',
			value: `${nodeMs.toFixed(0)} ms`,
			baseline: `raw, no keep-alive ${medians.rawNoKeepAlive.medianMs.toFixed(0)} ms`,
			ratio: `${(nodeMs / medians.rawNoKeepAlive.medianMs).toFixed(2)}x`,
			target: 'context',
			met: null,
		},
		{
			figure: `Nexus Return All peak heap / JSON returned (heap retained while the result is held: ${(retained.retainedBytes / returnedBytes).toFixed(2)}x)`,
			value: `${(memory.peakBytes / 1e6).toFixed(1)} MB`,
			baseline: `${(returnedBytes / 1e6).toFixed(1)} MB of JSON`,
			ratio: `${(memory.peakBytes / returnedBytes).toFixed(2)}x`,
			target: '<= 3x',
			met: memory.peakBytes / returnedBytes <= 3,
		},
		{
			figure: 'Nexus Return All peak heap vs raw loop peak heap',
			value: `${(memory.peakBytes / 1e6).toFixed(1)} MB`,
			baseline: `raw loop ${(rawMemory.peakBytes / 1e6).toFixed(1)} MB`,
			ratio: `${(memory.peakBytes / rawMemory.peakBytes).toFixed(2)}x`,
			target: 'context',
			met: null,
		},
	];
}
