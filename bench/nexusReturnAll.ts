import { request } from 'undici';

import { jsonOf, type TestEngine, type WorkflowResult } from '../test/harness/engine';
import type { LoggedRequest } from '../test/sandbox/shared/requestLog';
import { ceilingRow, interleavedMedians, peakHeapDuring, ratioText, timed, type BenchRow, type Condition } from './measure';
import { ensureNexusOrders, NEXUS_CREDENTIAL, NEXUS_LIMIT, NEXUS_ORDERS, nexusEngine, nexusNode, setNexusLimit, type NexusChild } from './nexusSetup';
import { manualThen } from './workflow';

function header(entry: LoggedRequest, name: string): string {
	const value = entry.headers[name];
	return Array.isArray(value) ? value.join(', ') : String(value ?? '');
}

const ORDERS_PATH = '/rest/v1/orders';

export interface NexusReturnAllSetup {
	/** Items of the last run of each contender. */
	counts: { node: number; raw: number };
	/** The sandbox's log of the node's last run (read before it is cleared). */
	lastRunLog: LoggedRequest[];
	runNode(): Promise<WorkflowResult>;
	runRaw(keepAlive: boolean): Promise<void>;
}

/**
 * The contenders of Nexus Return All over 10,000 orders (seeded here into organization A): the
 * Nexus node (orders, Get Many, Return All, default options) in n8n's engine, and a raw undici
 * loop that sends the very page requests the node sent (each page's query string with its keyset
 * condition, anon key and JWT, read from the sandbox's request log; the data does not change
 * between runs, so the same queries read the same pages) one after another, on one keep-alive
 * connection or on a new connection per request. `rttMs` puts the latency proxy in between.
 */
export async function prepareNexusReturnAll(nexus: NexusChild, rttMs = 0): Promise<NexusReturnAllSetup> {
	const { child } = nexus;
	await ensureNexusOrders(nexus);
	const baseUrl = await child.urlAt(rttMs);
	const engine: TestEngine = nexusEngine(nexus, baseUrl);
	const workflow = manualThen(nexusNode({ resource: 'order', operation: 'getAll', returnAll: true }));

	const setup: NexusReturnAllSetup = {
		counts: { node: 0, raw: 0 },
		lastRunLog: [],
		runNode: async () => {
			const result = await engine.run(workflow);
			if (result.error) throw result.error;
			setup.counts.node = jsonOf(result, 'Nexus').length;
			setup.lastRunLog = ((await child.control('GET', '/requests')) as { requests: LoggedRequest[] }).requests;
			// The sandbox logs every request; keep its log from growing over the rounds.
			await child.control('DELETE', '/requests');
			return result;
		},
		runRaw: async () => undefined,
	};

	// One run of the node (it also exchanges the key), then its page requests are the template.
	await child.control('DELETE', '/requests');
	await setup.runNode();
	const pages = setup.lastRunLog.filter((entry) => entry.path === ORDERS_PATH && entry.status === 200);
	const first = pages[0];
	if (!first) throw new Error('The Nexus node sent no request to /rest/v1/orders');
	const pageUrls = pages.map((page) => `${baseUrl}${page.path}?${page.rawQuery}`);
	const fixedHeaders = {
		accept: 'application/json',
		apikey: header(first, 'apikey'),
		authorization: header(first, 'authorization'),
	};
	if (fixedHeaders.authorization !== `Bearer ${String(engine.credentials.get(NEXUS_CREDENTIAL.id)?.data.accessToken)}`) {
		throw new Error('The node did not send the JWT stored in its credential');
	}

	setup.runRaw = async (keepAlive: boolean) => {
		const all: unknown[] = [];
		for (const pageUrl of pageUrls) {
			const answer = await request(pageUrl, {
				headers: { ...fixedHeaders, ...(keepAlive ? {} : { connection: 'close' }) },
				reset: !keepAlive,
			});
			all.push(...((await answer.body.json()) as unknown[]));
		}
		setup.counts.raw = all.length;
		await child.control('DELETE', '/requests');
	};
	return setup;
}

const exactCounts = (log: LoggedRequest[]) => log.filter((entry) => /count=exact/.test(header(entry, 'prefer'))).length;

/**
 * Nexus Return All over 10,000 orders at each round-trip time, without the rate limit: the
 * node against the raw loop (time and peak heap), and how many of its requests ask for an exact
 * count (each costs Nexus a `count(*)` over the whole filter).
 */
export async function benchNexusReturnAll(nexus: NexusChild, conditions: Condition[]): Promise<BenchRow[]> {
	const rows: BenchRow[] = [];
	await setNexusLimit(nexus, false);
	for (const { rttMs, rounds, warmUp } of conditions) {
		const setup = await prepareNexusReturnAll(nexus, rttMs);
		const exact = exactCounts(setup.lastRunLog);
		const requests = setup.lastRunLog.filter((entry) => entry.path === ORDERS_PATH).length;
		const medians = await interleavedMedians(
			{ nexus: setup.runNode, raw: async () => await setup.runRaw(true), rawNoKeepAlive: async () => await setup.runRaw(false) },
			rounds,
			warmUp,
		);
		const memory = await peakHeapDuring(setup.runNode);
		const returnedMb = (Buffer.byteLength(JSON.stringify(jsonOf(memory.value, 'Nexus'))) / 1e6).toFixed(1);
		const rawMemory = await peakHeapDuring(async () => await setup.runRaw(true));
		const nodeMs = medians.nexus.medianMs;
		const complete = setup.counts.node === NEXUS_ORDERS && setup.counts.raw === NEXUS_ORDERS;
		const counts = `node/raw counts ${setup.counts.node}/${setup.counts.raw} of ${NEXUS_ORDERS}`;
		rows.push(
			{
				section: 'nexus',
				rttMs,
				figure: `Nexus Return All, ${NEXUS_ORDERS} orders, no rate limit: node ÷ raw keep-alive loop (${counts})`,
				value: `${nodeMs.toFixed(0)} ms`,
				baseline: `raw undici loop ${medians.raw.medianMs.toFixed(0)} ms; no keep-alive ${medians.rawNoKeepAlive.medianMs.toFixed(0)} ms`,
				ratio: ratioText(nodeMs / medians.raw.medianMs),
				target: 'context',
				met: complete ? null : false,
			},
			{
				section: 'nexus',
				rttMs,
				figure: `Nexus Return All: requests carrying count=exact (of ${requests} order requests)`,
				value: String(exact),
				baseline: '-',
				ratio: '-',
				target: '<= 1',
				met: exact <= 1,
			},
			ceilingRow(
				{
					section: 'nexus',
					rttMs,
					figure: `Nexus Return All: node peak heap ÷ raw loop peak heap (${returnedMb} MB of JSON returned)`,
					value: `${(memory.peakBytes / 1e6).toFixed(1)} MB`,
					baseline: `raw loop ${(rawMemory.peakBytes / 1e6).toFixed(1)} MB`,
				},
				memory.peakBytes / rawMemory.peakBytes,
				1.3,
			),
		);
	}
	return rows;
}

/**
 * Nexus Return All under the documented rate limit (100 requests per window; the window scaled
 * to 6 s), as a user who keeps running it meets it: one run fills the window, then `runs` runs
 * back to back are timed. The floor is the requests that succeeded ÷ the allowed rate: no client
 * can be faster once the window is full. 429s are counted in the sandbox's log.
 */
export async function benchNexusUnderLimit(nexus: NexusChild, conditions: Condition[], runs: number): Promise<BenchRow[]> {
	const rows: BenchRow[] = [];
	for (const { rttMs } of conditions) {
		const setup = await prepareNexusReturnAll(nexus, rttMs);
		await setNexusLimit(nexus, true);
		try {
			await setup.runNode();
			let succeeded = 0;
			let limited = 0;
			let complete = true;
			const { ms } = await timed(async () => {
				for (let run = 0; run < runs; run++) {
					await setup.runNode();
					const orders = setup.lastRunLog.filter((entry) => entry.path.startsWith('/rest/v1/') || entry.path.startsWith('/functions/v1/'));
					succeeded += orders.filter((entry) => entry.status !== 429).length;
					limited += orders.filter((entry) => entry.status === 429).length;
					complete &&= setup.counts.node === NEXUS_ORDERS;
				}
			});
			const floorMs = (succeeded / NEXUS_LIMIT.requests) * NEXUS_LIMIT.windowMs;
			rows.push({
				section: 'nexusLimit',
				rttMs,
				figure:
					`Nexus Return All under the rate limit (${NEXUS_LIMIT.requests} per ${NEXUS_LIMIT.windowMs / 1000} s, window full at the start; ` +
					`${runs} runs of ${NEXUS_ORDERS} orders, ${succeeded} requests): wall ÷ the limit's floor; 429s received`,
				value: `${(ms / 1000).toFixed(1)} s, ${limited} × 429`,
				baseline: `floor ${(floorMs / 1000).toFixed(1)} s`,
				ratio: ratioText(ms / floorMs),
				ratioValue: ms / floorMs,
				target: '<= 1.05x, <= 1 × 429',
				targetValue: 1.05,
				met: ms / floorMs <= 1.05 && limited <= 1 && complete,
			});
		} finally {
			await setNexusLimit(nexus, false);
		}
	}
	return rows;
}
