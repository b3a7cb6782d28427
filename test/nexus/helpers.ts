/**
 * Nexus node test helper: a Nexus sandbox on 127.0.0.1 (PGlite), a TestEngine with `nexusApi`
 * credentials, and `run`, which runs "Manual Trigger → Nexus" with the parameters given.
 *
 *   const t = await startNexusTest(sandboxOptions?);       // beforeAll; one sandbox per file
 *   const { items, error, requests } = await t.run({ resource: 'order', operation: 'getAll', returnAll: true });
 *   await t.close();                                        // afterAll
 *
 * - `requests`: what the sandbox received during this run, agent-auth included, `/__control` excluded.
 * - `rest(requests)`: only the requests under /rest/v1 and /functions/v1 other than agent-auth.
 * - `t.org('a' | 'b')` credential for organization A (default) or B; `t.credential(data)` one with any data.
 */
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { jsonOf, TestEngine, type WorkflowJson, type WorkflowResult } from '../harness/engine';
import { startNexusSandbox, type NexusSandbox, type NexusSandboxOptions } from '../sandbox/nexus';
import type { LoggedRequest } from '../sandbox/shared/requestLog';
import { NEXUS_RATE_LIMIT, setNexusRateLimit } from '../../nodes/Nexus/shared/pacing';

export const NEXUS_NODE_TYPE = 'n8n-nodes-nex.nexus';
export const NODE_NAME = 'Nexus';
const TRIGGER_NAME = 'When clicking ‘Execute workflow’';

export interface RunOptions {
	/** Credential reference (default: organization A). */
	credential?: { id: string; name: string };
	continueOnFail?: boolean;
	/** Items fed to the Nexus node (through a Code-free "Source" node made of pinned data). */
	inputItems?: IDataObject[];
	node?: Partial<INode>;
}

export interface NexusRun {
	items: IDataObject[];
	error?: WorkflowResult['error'];
	requests: LoggedRequest[];
	result: WorkflowResult;
}

export interface NexusTest {
	sandbox: NexusSandbox;
	engine: TestEngine;
	org(key?: 'a' | 'b'): { id: string; name: string };
	credential(data: IDataObject): { id: string; name: string };
	run(parameters: INodeParameters, options?: RunOptions): Promise<NexusRun>;
	rl(mode: string, value: string): INodeParameters;
	close(): Promise<void>;
}

export function isAuth(entry: LoggedRequest): boolean {
	return entry.path.endsWith('/functions/v1/agent-auth');
}

/** Requests other than agent-auth. */
export function apiRequests(requests: LoggedRequest[]): LoggedRequest[] {
	return requests.filter((entry) => !isAuth(entry));
}

/**
 * One sandbox for the test file: started before its tests and closed after them. Call the answer
 * inside a test (or a later hook) to reach the running test.
 */
export function useNexusTest(options: NexusSandboxOptions = {}): () => NexusTest {
	let started: NexusTest | undefined;
	beforeAll(async () => {
		started = await startNexusTest(options);
	}, 60_000);
	afterAll(async () => {
		await started?.close();
	});
	return () => {
		if (!started) throw new Error('The Nexus sandbox has not started (call this inside a test)');
		return started;
	};
}

export async function startNexusTest(options: NexusSandboxOptions = {}): Promise<NexusTest> {
	const sandbox = await startNexusSandbox({ port: 0, ...options });
	// The node paces its requests to the limit the sandbox enforces (off when the sandbox has none).
	setNexusRateLimit({ requests: options.requestsPerMinute ?? NEXUS_RATE_LIMIT.requests, windowMs: options.requestWindowMs ?? NEXUS_RATE_LIMIT.windowMs });
	const engine = new TestEngine();
	let counter = 0;

	const credential = (data: IDataObject) => {
		counter += 1;
		const reference = { id: `nexus-${counter}`, name: `Nexus ${counter}` };
		engine.addCredential({
			...reference,
			type: 'nexusApi',
			data: { anonApiKey: sandbox.anonKey, baseUrl: sandbox.baseUrl, ...data } as never,
		});
		return reference;
	};
	const orgCredentials = {
		a: credential({ apiKey: sandbox.orgs.a.apiKey }),
		b: credential({ apiKey: sandbox.orgs.b.apiKey }),
	};

	const run = async (parameters: INodeParameters, runOptions: RunOptions = {}): Promise<NexusRun> => {
		const nodes: INode[] = [
			{
				id: 'trigger',
				name: TRIGGER_NAME,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'nexus',
				name: NODE_NAME,
				type: NEXUS_NODE_TYPE,
				typeVersion: 1,
				position: [200, 0],
				parameters,
				credentials: { nexusApi: runOptions.credential ?? orgCredentials.a },
				...(runOptions.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
				...(runOptions.node ?? {}),
			},
		];
		const connections: WorkflowJson['connections'] = {
			[TRIGGER_NAME]: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
		};
		const pinData = runOptions.inputItems
			? { [TRIGGER_NAME]: runOptions.inputItems.map((json) => ({ json })) }
			: undefined;
		const since = sandbox.requests.entries.length;
		const result = await engine.run({ name: 'Nexus test', nodes, connections, pinData });
		return {
			items: jsonOf(result, NODE_NAME),
			error: result.error,
			requests: sandbox.requests.entries.slice(since).filter((entry) => !entry.path.includes('/__control')),
			result,
		};
	};

	return {
		sandbox,
		engine,
		org: (key = 'a') => orgCredentials[key],
		credential,
		run,
		rl: (mode, value) => ({ __rl: true, mode, value }),
		close: async () => await sandbox.close(),
	};
}

/** A header of a logged request (names are lower case). */
export function header(entry: LoggedRequest, name: string): string | undefined {
	const value = entry.headers[name.toLowerCase()];
	return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Asserts a run failed on its input before anything reached the API: the message (which names
 * the field) and no request other than agent-auth. n8n's routing engine re-wraps the node's
 * NodeOperationError as a NodeApiError without an HTTP status ("none"), keeping message and
 * description.
 */
export function expectInputError(run: NexusRun, message: string | RegExp): void {
	expect(run.error).toBeDefined();
	if (typeof message === 'string') expect(run.error?.message).toBe(message);
	else expect(run.error?.message).toMatch(message);
	expect([undefined, null, 'none']).toContain(run.error?.httpCode);
	expect(apiRequests(run.requests)).toEqual([]);
	expect(run.items).toEqual([]);
}
