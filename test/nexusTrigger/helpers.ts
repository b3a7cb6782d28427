/**
 * Nexus Trigger test helper: a Nexus sandbox on 127.0.0.1, a TestEngine with `nexusApi`
 * credentials, and `poll`, which runs the trigger's poll() as n8n does (through `runPoll`),
 * keeping the workflow's static data between calls.
 */
import type { IDataObject, INode, INodeParameters, WorkflowExecuteMode } from 'n8n-workflow';

import { TestEngine } from '../harness/engine';
import { runPoll } from '../harness/triggers';
import { startNexusSandbox, type NexusSandbox, type NexusSandboxOptions } from '../sandbox/nexus';
import type { LoggedRequest } from '../sandbox/shared/requestLog';
import { NEXUS_RATE_LIMIT, setNexusRateLimit } from '../../nodes/Nexus/shared/pacing';

export const TRIGGER_TYPE = 'n8n-nodes-nex.nexusTrigger';

export interface PollRun {
	/** Emitted items' json ([] when the poll emitted nothing). */
	items: IDataObject[];
	/** Whether poll() returned null (nothing to emit). */
	empty: boolean;
	/** What the sandbox received during this poll, `/__control` excluded. */
	requests: LoggedRequest[];
}

export interface TriggerTest {
	sandbox: NexusSandbox;
	engine: TestEngine;
	/** A trigger node; `credentialId` picks one of the credentials made with `addCredential`. */
	node(parameters: INodeParameters, credentialId?: string): INode;
	/** Registers a `nexusApi` credential for an organization of the sandbox. */
	addCredential(id: string, org?: 'a' | 'b'): void;
	poll(node: INode, staticData: IDataObject, mode?: WorkflowExecuteMode): Promise<PollRun>;
	/** `poll`, expected to fail: answers the error and the requests made. */
	failingPoll(node: INode, staticData: IDataObject): Promise<{ error: Error & { httpCode?: string }; requests: LoggedRequest[] }>;
	/** Requests to `/rest/v1/orders` exactly (not `/rest/v1/order_items`). */
	ordersRequests(requests: LoggedRequest[]): LoggedRequest[];
	close(): Promise<void>;
}

export async function startTriggerTest(options: NexusSandboxOptions = {}): Promise<TriggerTest> {
	const sandbox = await startNexusSandbox({ port: 0, ...options });
	// The node paces its requests to the limit the sandbox enforces (off when the sandbox has none).
	setNexusRateLimit({ requests: options.requestsPerMinute ?? NEXUS_RATE_LIMIT.requests, windowMs: options.requestWindowMs ?? NEXUS_RATE_LIMIT.windowMs });
	const engine = new TestEngine();
	const addCredential = (id: string, org: 'a' | 'b' = 'a') => {
		engine.addCredential({
			id,
			name: `Nexus ${id}`,
			type: 'nexusApi',
			data: { apiKey: sandbox.orgs[org].apiKey, anonApiKey: sandbox.anonKey, baseUrl: sandbox.baseUrl },
		});
	};
	addCredential('org-a', 'a');
	let nodeCount = 0;
	const since = (start: number) => sandbox.requests.entries.slice(start).filter((entry) => !entry.path.includes('/__control'));

	return {
		sandbox,
		engine,
		addCredential,
		node(parameters, credentialId = 'org-a') {
			nodeCount++;
			return {
				id: `nexus-trigger-${nodeCount}`,
				name: 'Nexus Trigger',
				type: TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters,
				credentials: { nexusApi: { id: credentialId, name: `Nexus ${credentialId}` } },
			};
		},
		async poll(node, staticData, mode = 'trigger') {
			const start = sandbox.requests.entries.length;
			const result = await runPoll(engine, node, staticData, mode);
			return { items: (result.items ?? []).map((item) => item.json), empty: result.items === null, requests: since(start) };
		},
		async failingPoll(node, staticData) {
			const start = sandbox.requests.entries.length;
			try {
				await runPoll(engine, node, staticData);
			} catch (error) {
				return { error: error as Error & { httpCode?: string }, requests: since(start) };
			}
			throw new Error('The poll was expected to fail but succeeded');
		},
		ordersRequests: (requests) => requests.filter((entry) => entry.path === '/rest/v1/orders'),
		close: async () => await sandbox.close(),
	};
}

/** A deep copy, to compare static data before and after a poll. */
export function snapshot<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

/** Ids emitted, with how many times each appeared. */
export function countById(items: IDataObject[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const item of items) {
		const id = String((item.order as IDataObject).id);
		counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	return counts;
}
