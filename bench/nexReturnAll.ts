import { request } from 'undici';

import { jsonOf, TestEngine, type WorkflowResult } from '../test/harness/engine';
import { interleavedMedians, peakHeapDuring, retainedHeapOf, type BenchRow } from './measure';
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
export async function prepareNexReturnAll(child: ChildSandbox): Promise<NexReturnAllSetup> {
	await child.control('POST', '/seed', { records: { object: 'person', count: RECORDS } });
	const sandbox = { baseUrl: child.info.baseUrl, keys: child.info.keys as Record<string, string> };
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
 * Nex Return All over 20,000 records: the Nex node against a raw undici loop (the limit), the
 * loop on a new connection per request (what n8n's request helper does), and the HTTP Request node.
 */
export async function benchNexReturnAll(rounds: number): Promise<BenchRow[]> {
	const child = await startChildSandbox('nex');
	try {
		const { total, counts, runNex, runRaw, runRawNoKeepAlive, runHttp } = await prepareNexReturnAll(child);
		const medians = await interleavedMedians({ nex: runNex, raw: runRaw, rawNoKeepAlive: runRawNoKeepAlive, http: runHttp }, rounds);
		const memory = await peakHeapDuring(runNex);
		const returnedBytes = Buffer.byteLength(JSON.stringify(jsonOf(memory.value, 'Nex')));
		const retained = await retainedHeapOf(runNex);
		const rawMemory = await peakHeapDuring(runRaw);
		const countText = `${counts.nex}/${counts.raw}/${counts.http} of ${total}`;
		const nexMs = medians.nex.medianMs;
		return [
			{
				figure: `Nex Return All, ${RECORDS} records (node/raw/HTTP counts ${countText})`,
				value: `${nexMs.toFixed(0)} ms`,
				baseline: `raw undici loop ${medians.raw.medianMs.toFixed(0)} ms`,
				ratio: `${(nexMs / medians.raw.medianMs).toFixed(2)}x`,
				target: '<= 1.15x',
				met: nexMs / medians.raw.medianMs <= 1.15 && counts.nex === total,
			},
			{
				figure: 'Nex Return All vs raw loop with a new connection per request',
				value: `${nexMs.toFixed(0)} ms`,
				baseline: `raw, no keep-alive ${medians.rawNoKeepAlive.medianMs.toFixed(0)} ms`,
				ratio: `${(nexMs / medians.rawNoKeepAlive.medianMs).toFixed(2)}x`,
				target: 'context',
				met: null,
			},
			{
				figure: 'Nex Return All vs n8n HTTP Request node with pagination',
				value: `${nexMs.toFixed(0)} ms`,
				baseline: `HTTP Request node ${medians.http.medianMs.toFixed(0)} ms`,
				ratio: `${(nexMs / medians.http.medianMs).toFixed(2)}x`,
				target: '<= 1.00x',
				met: nexMs <= medians.http.medianMs,
			},
			{
				figure: `Nex Return All peak heap / JSON returned (heap retained while the result is held: ${(retained.retainedBytes / returnedBytes).toFixed(2)}x)`,
				value: `${(memory.peakBytes / 1e6).toFixed(1)} MB`,
				baseline: `${(returnedBytes / 1e6).toFixed(1)} MB of JSON`,
				ratio: `${(memory.peakBytes / returnedBytes).toFixed(2)}x`,
				target: '<= 3x',
				met: memory.peakBytes / returnedBytes <= 3,
			},
			{
				figure: 'Nex Return All peak heap vs raw loop peak heap',
				value: `${(memory.peakBytes / 1e6).toFixed(1)} MB`,
				baseline: `raw loop ${(rawMemory.peakBytes / 1e6).toFixed(1)} MB`,
				ratio: `${(memory.peakBytes / rawMemory.peakBytes).toFixed(2)}x`,
				target: 'context',
				met: null,
			},
		];
	} finally {
		await child.stop();
	}
}
