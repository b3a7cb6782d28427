import { request } from 'undici';

import { jsonOf, TestEngine, type WorkflowResult } from '../test/harness/engine';
import { ceilingRow, interleavedMedians, peakHeapDuring, ratioText, type BenchRow, type Condition } from './measure';
import { startChildSandbox, type ChildSandbox } from './sandboxProcess';
import { manualThen } from './workflow';

const RECORDS = 20_000;
const PAGE = 100;

export interface NexReturnAllSetup {
	total: number;
	/** Items of the last run of each contender. */
	counts: { nex: number; raw: number; http: number };
	runNex(): Promise<WorkflowResult>;
	runRaw(): Promise<void>;
	runRawNoKeepAlive(): Promise<void>;
	runHttp(): Promise<void>;
}

/**
 * The contenders of Nex Return All over 20,000 records, against a Nex sandbox child: the Nex node
 * in n8n's engine, the same pages fetched one after another by a raw undici loop (the limit) and
 * by the same loop on a new connection per request, and n8n's own HTTP Request node with its
 * pagination set up as a user would.
 */
export async function prepareNexReturnAll(child: ChildSandbox, rttMs = 0, seed = true): Promise<NexReturnAllSetup> {
	if (seed) await child.control('POST', '/seed', { records: { object: 'person', count: RECORDS } });
	const sandbox = { baseUrl: await child.urlAt(rttMs), keys: child.info.keys as Record<string, string> };
	const key = sandbox.keys.full;
	const url = `${sandbox.baseUrl}/v1/objects/person/records`;
	const total = Number(
		((await (await request(url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: '{"limit":1,"offset":0}' })).body.json()) as { total: number }).total,
	);

	const engine = new TestEngine().addCredential({ id: 'nex', name: 'Nex', type: 'nexApi', data: { apiKey: key, baseUrl: sandbox.baseUrl } });
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { HttpRequest } = require('n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node.js');
	engine.nodeTypes.add('n8n-nodes-base.httpRequest', new HttpRequest());

	const nexWorkflow = manualThen({
		id: 'n',
		name: 'Nex',
		type: 'n8n-nodes-nex.nex',
		typeVersion: 1,
		position: [200, 0],
		parameters: { resource: 'record', operation: 'getAll', objectType: { __rl: true, mode: 'id', value: 'person' }, returnAll: true },
		credentials: { nexApi: { id: 'nex', name: 'Nex' } },
	});
	const httpWorkflow = manualThen({
		id: 'h',
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [200, 0],
		parameters: {
			method: 'POST',
			url,
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${key}` }] },
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `{"limit": ${PAGE}, "offset": 0}`,
			options: {
				pagination: {
					pagination: {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: { parameters: [{ type: 'body', name: 'offset', value: `={{ $pageCount * ${PAGE} }}` }] },
						paginationCompleteWhen: 'other',
						completeExpression: `={{ $response.body.data.length < ${PAGE} }}`,
					},
				},
			},
		},
	});

	const counts = { nex: 0, raw: 0, http: 0 };
	const runNex = async () => {
		const result = await engine.run(nexWorkflow);
		if (result.error) throw result.error;
		counts.nex = jsonOf(result, 'Nex').length;
		return result;
	};
	const runHttp = async () => {
		const result = await engine.run(httpWorkflow);
		if (result.error) throw result.error;
		counts.http = jsonOf(result, 'HTTP Request').reduce((sum, page) => sum + ((page.data as unknown[]) ?? []).length, 0);
	};
	// The same loop on a fresh connection per request: n8n's request helper builds a new agent
	// for every request, so this separates connection setup from the node's own overhead.
	const runRawNoKeepAlive = async () => {
		for (let offset = 0; ; offset += PAGE) {
			const answer = await request(url, {
				method: 'POST',
				headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', connection: 'close' },
				body: JSON.stringify({ limit: PAGE, offset }),
				reset: true,
			});
			const page = (await answer.body.json()) as { data: unknown[]; total: number };
			if (offset + page.data.length >= page.total || page.data.length === 0) break;
		}
	};
	const runRaw = async () => {
		const all: unknown[] = [];
		for (let offset = 0; ; offset += PAGE) {
			const answer = await request(url, {
				method: 'POST',
				headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
				body: JSON.stringify({ limit: PAGE, offset }),
			});
			const page = (await answer.body.json()) as { data: unknown[]; total: number };
			all.push(...page.data);
			if (offset + page.data.length >= page.total || page.data.length === 0) break;
		}
		counts.raw = all.length;
	};
	return { total, counts, runNex, runRaw, runRawNoKeepAlive, runHttp };
}

/**
 * Nex Return All over 20,000 records at each round-trip time: the Nex node against a raw undici
 * loop on one keep-alive connection (the limit), the loop on a new connection per request (what
 * n8n's request helper does), n8n's HTTP Request node, and the peak heaps of the node and the loop.
 */
export async function benchNexReturnAll(conditions: Condition[]): Promise<BenchRow[]> {
	const child = await startChildSandbox('nex');
	const rows: BenchRow[] = [];
	try {
		let seed = true;
		for (const { rttMs, rounds, warmUp } of conditions) {
			const { total, counts, runNex, runRaw, runRawNoKeepAlive, runHttp } = await prepareNexReturnAll(child, rttMs, seed);
			seed = false;
			const medians = await interleavedMedians({ nex: runNex, raw: runRaw, rawNoKeepAlive: runRawNoKeepAlive, http: runHttp }, rounds, warmUp);
			const memory = await peakHeapDuring(runNex);
			const rawMemory = await peakHeapDuring(runRaw);
			const countText = `${counts.nex}/${counts.raw}/${counts.http} of ${total}`;
			const nexMs = medians.nex.medianMs;
			const complete = counts.nex === total;
			rows.push(
				ceilingRow(
					{
						section: 'nex',
						rttMs,
						figure: `Nex Return All, ${RECORDS} records: node ÷ raw keep-alive loop (node/raw/HTTP counts ${countText})`,
						value: `${nexMs.toFixed(0)} ms`,
						baseline: `raw undici loop ${medians.raw.medianMs.toFixed(0)} ms`,
					},
					nexMs / medians.raw.medianMs,
					0.6,
					complete,
				),
				ceilingRow(
					{
						section: 'nex',
						rttMs,
						figure: 'Nex Return All: node ÷ n8n HTTP Request node with pagination',
						value: `${nexMs.toFixed(0)} ms`,
						baseline: `HTTP Request node ${medians.http.medianMs.toFixed(0)} ms`,
					},
					nexMs / medians.http.medianMs,
					0.5,
					complete,
				),
				{
					section: 'nex',
					rttMs,
					figure: 'Nex Return All: node ÷ raw loop with a new connection per request',
					value: `${nexMs.toFixed(0)} ms`,
					baseline: `raw, no keep-alive ${medians.rawNoKeepAlive.medianMs.toFixed(0)} ms`,
					ratio: ratioText(nexMs / medians.rawNoKeepAlive.medianMs),
					target: 'context',
					met: null,
				},
				ceilingRow(
					{
						section: 'nex',
						rttMs,
						figure: `Nex Return All: node peak heap ÷ raw loop peak heap (${(returnedMb(memory.value))} MB of JSON returned)`,
						value: `${(memory.peakBytes / 1e6).toFixed(1)} MB`,
						baseline: `raw loop ${(rawMemory.peakBytes / 1e6).toFixed(1)} MB`,
					},
					memory.peakBytes / rawMemory.peakBytes,
					1.3,
				),
			);
		}
		return rows;
	} finally {
		await child.stop();
	}
}

function returnedMb(result: WorkflowResult): string {
	return (Buffer.byteLength(JSON.stringify(jsonOf(result, 'Nex'))) / 1e6).toFixed(1);
}
