/**
 * Nex node test helper: a Nex sandbox on 127.0.0.1, a TestEngine with `nexApi` credentials, and
 * `runNex`, which runs "Manual Trigger → Nex" with the parameters given.
 *
 * API (kept stable; other Nex test files import it):
 *
 *   const nex = await startNexTest(sandboxOptions?);   // in beforeAll; one sandbox per file
 *   const { items, error, requests } = await nex.runNex(
 *     { resource: 'record', operation: 'get', recordId: nex.rl('id', '123') },
 *     { key: 'readOnly' },                                 // opts, all optional (see RunNexOptions)
 *   );
 *   await nex.close();                                    // in afterAll
 *
 * - `items`: the json of every item the Nex node emitted (first output).
 * - `error`: the execution's error when the workflow failed (undefined on success), or the
 *   WorkflowHasIssuesError n8n throws when it refuses to start (e.g. a required field is empty).
 * - `requests`: what the sandbox received during this run, in order (method, path, query,
 *   rawQuery, headers, bodyText, body, status), `/__control` calls excluded.
 * - `nex.sandbox` is the running sandbox (`baseUrl`, `keys`, `requests`, `faults`, `store`,
 *   `reset()`...), `nex.engine` the TestEngine, `nex.credentialFor(key)` the credential
 *   reference for a key name of `sandbox.keys` or a literal key.
 * - `nex.rawFetch(method, path, body?)` sends a request straight to the sandbox with the full key
 *   and answers `{status, text}`: the raw bytes, for comparing ids exactly.
 */
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { jsonOf, TestEngine, type WorkflowJson, type WorkflowResult } from '../harness/engine';
import type { LoggedRequest } from '../sandbox/shared/requestLog';
import { startNexSandbox } from '../sandbox/nex';

export type NexSandbox = Awaited<ReturnType<typeof startNexSandbox>>;
export type NexSandboxOptions = NonNullable<Parameters<typeof startNexSandbox>[0]>;

export const NEX_NODE_TYPE = 'n8n-nodes-nex.nex';
export const NEX_NODE_NAME = 'Nex';
const TRIGGER_NAME = 'When clicking ‘Execute workflow’';

export interface RunNexOptions {
	/** A key name of `sandbox.keys` ('full' by default, 'readOnly', 'noInsight'...) or a literal API key. */
	key?: string;
	/** Node setting "On Error → Continue": failures become output items. */
	continueOnFail?: boolean;
	/**
	 * Parameters of a Nex node run between the trigger and the tested node (named "Source"), so
	 * the tested node gets several input items and expressions can read `$json`.
	 */
	source?: INodeParameters;
	/** Extra node fields of the tested node (e.g. `{ retryOnFail: true }`). */
	node?: Partial<INode>;
}

export interface NexRun {
	items: IDataObject[];
	error?: WorkflowResult['error'];
	requests: LoggedRequest[];
	/** The full run (absent when n8n refused to start the workflow). */
	result?: WorkflowResult;
}

export interface NexTest {
	sandbox: NexSandbox;
	engine: TestEngine;
	runNex(parameters: INodeParameters, options?: RunNexOptions): Promise<NexRun>;
	/** The credential reference for a key (registering a credential for it on first use). */
	credentialFor(key?: string): { id: string; name: string };
	/** A resource-locator value, e.g. `rl('id', 'person')`, `rl('list', '123')`. */
	rl(mode: string, value: string): INodeParameters;
	rawFetch(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }>;
	/** Sandbox requests received since `since` (an index into the log), `/__control` excluded. */
	requestsSince(since: number): LoggedRequest[];
	close(): Promise<void>;
}

function isControl(entry: LoggedRequest): boolean {
	return entry.path.includes('/__control');
}

export async function startNexTest(sandboxOptions: Partial<NexSandboxOptions> = {}): Promise<NexTest> {
	const sandbox = await startNexSandbox({ port: 0, ...sandboxOptions } as NexSandboxOptions);
	const engine = new TestEngine();
	const registered = new Map<string, { id: string; name: string }>();
	const keys = sandbox.keys as unknown as Record<string, string>;

	const credentialFor = (key = 'full') => {
		const apiKey = keys[key] ?? key;
		const existing = registered.get(apiKey);
		if (existing) return existing;
		const reference = { id: `nex-${registered.size + 1}`, name: `Nex ${key in keys ? key : `key ${registered.size + 1}`}` };
		engine.addCredential({ ...reference, type: 'nexApi', data: { apiKey, baseUrl: sandbox.baseUrl } });
		registered.set(apiKey, reference);
		return reference;
	};

	const requestsSince = (since: number) => sandbox.requests.entries.slice(since).filter((entry) => !isControl(entry));

	const runNex = async (parameters: INodeParameters, options: RunNexOptions = {}): Promise<NexRun> => {
		const credentials = { nexApi: credentialFor(options.key) };
		const nodes: INode[] = [
			{
				id: 'trigger',
				name: TRIGGER_NAME,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
		];
		const connections: WorkflowJson['connections'] = {};
		let previous = TRIGGER_NAME;
		if (options.source) {
			nodes.push({
				id: 'source',
				name: 'Source',
				type: NEX_NODE_TYPE,
				typeVersion: 1,
				position: [200, 0],
				parameters: options.source,
				credentials: { nexApi: credentialFor('full') },
			});
			connections[previous] = { main: [[{ node: 'Source', type: 'main', index: 0 }]] };
			previous = 'Source';
		}
		nodes.push({
			id: 'nex',
			name: NEX_NODE_NAME,
			type: NEX_NODE_TYPE,
			typeVersion: 1,
			position: [400, 0],
			parameters,
			credentials,
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...(options.node ?? {}),
		});
		connections[previous] = { main: [[{ node: NEX_NODE_NAME, type: 'main', index: 0 }]] };
		const since = sandbox.requests.entries.length;
		try {
			const result = await engine.run({ name: 'Nex test', nodes, connections });
			return { items: jsonOf(result, NEX_NODE_NAME), error: result.error, requests: requestsSince(since), result };
		} catch (thrown) {
			// n8n refuses to start a workflow whose parameters have issues (a required field
			// empty, a resource locator failing its pattern) and throws WorkflowHasIssuesError.
			return { items: [], error: thrown as NexRun['error'], requests: requestsSince(since) };
		}
	};

	const rawFetch = async (method: string, path: string, body?: unknown) => {
		const response = await fetch(`${sandbox.baseUrl}${path}`, {
			method,
			headers: {
				Authorization: `Bearer ${keys.full}`,
				Accept: 'application/json',
				...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			},
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
		});
		return { status: response.status, text: await response.text() };
	};

	return {
		sandbox,
		engine,
		runNex,
		credentialFor,
		rl: (mode, value) => ({ __rl: true, mode, value }),
		rawFetch,
		requestsSince,
		close: async () => await sandbox.close(),
	};
}

/**
 * Asserts a run stopped on bad input before sending anything: it failed, no request reached the
 * sandbox, and the error message names `field`. (In declarative nodes n8n's routing re-wraps the
 * node's NodeOperationError as a NodeApiError with httpCode "none"; message and description stay.)
 */
export function expectInputError(run: NexRun, field: string | RegExp): void {
	expect(run.error).toBeDefined();
	expect(run.requests).toHaveLength(0);
	expect(run.items).toHaveLength(0);
	expect(run.error?.message).toMatch(field);
	if (run.error?.name === 'NodeApiError') expect(run.error.httpCode).toBe('none');
}

/** The single request a run sent (asserting there was exactly one). */
export function onlyRequest(run: NexRun): LoggedRequest {
	expect(run.requests).toHaveLength(1);
	return run.requests[0];
}

/** Path of a request under the API base (`/v1/...`). */
export function apiPath(request: LoggedRequest): string {
	return request.path.replace(/^.*?(\/v1\/)/, '/v1/');
}

/** The JSON texts of every `"id": "<digits>"` value in a raw answer, for exact comparisons. */
export function rawIds(text: string, key = 'id'): string[] {
	const pattern = new RegExp(`"${key}"\\s*:\\s*"?(-?\\d+)"?`, 'g');
	return [...text.matchAll(pattern)].map((match) => match[1]);
}

/**
 * The pages an offset listing of `total` rows asks for, as `[limit, offset]` sorted by offset:
 * each page after the first starts at the last row of the page before (pages overlap by one
 * row so a shift between two reads shows), within a Limit when one is set.
 */
export function offsetPlan(total: number, pageSize: number, limit?: number): Array<[number, number]> {
	const want = limit ?? Number.POSITIVE_INFINITY;
	const end = Math.min(total, want);
	const plan: Array<[number, number]> = [[Math.min(pageSize, want), 0]];
	for (let offset = pageSize - 1; offset < end - 1; offset += pageSize - 1) plan.push([Math.max(2, Math.min(pageSize, want - offset)), offset]);
	return plan;
}

/** The `[limit, offset]` of each request, sorted by offset (pages in flight at once arrive in any order). */
export function askedPages(requests: LoggedRequest[]): Array<[number, number]> {
	return requests
		.map((request): [number, number] => {
			const source = (request.method === 'GET' ? request.query : request.body) as Record<string, unknown>;
			return [Number(source.limit), Number(source.offset)];
		})
		.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

/** One page asked for twice (the faulted one, asked again), every other page of `plan` once. */
export function expectOnePageAskedAgain(requests: LoggedRequest[], plan: Array<[number, number]>): void {
	const asked = askedPages(requests);
	expect(asked).toHaveLength(plan.length + 1);
	const twice = asked.filter(([, offset], index) => index > 0 && asked[index - 1][1] === offset);
	expect(twice).toHaveLength(1);
	expect(asked.filter((_, index) => index === 0 || asked[index - 1][1] !== asked[index][1])).toEqual(plan);
}
