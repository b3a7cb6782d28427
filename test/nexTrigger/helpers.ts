/**
 * Nex Trigger test helper: a Nex sandbox, a TestEngine with one `nexApi` credential per key, and
 * the trigger node (`n8n-nodes-nex.nexTrigger`) with the parameters a test gives.
 */
import type { IDataObject, INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { TestEngine } from '../harness/engine';
import { startTrigger, type RunningTrigger } from '../harness/triggers';
import { startNexSandbox } from '../sandbox/nex';

export type NexSandbox = Awaited<ReturnType<typeof startNexSandbox>>;
export type NexSandboxOptions = NonNullable<Parameters<typeof startNexSandbox>[0]>;

export const TRIGGER_TYPE = 'n8n-nodes-nex.nexTrigger';
export const STREAM_PATH = '/v1/insights/stream';
export const INSIGHTS_PATH = '/api/developers/v1/insights';

export interface TriggerTest {
	sandbox: NexSandbox;
	engine: TestEngine;
	node(parameters?: INodeParameters, key?: string): INode;
	start(parameters?: INodeParameters, options?: { staticData?: IDataObject; mode?: 'trigger' | 'manual'; key?: string }): Promise<RunningTrigger>;
	close(): Promise<void>;
}

export async function startTriggerTest(options: Partial<NexSandboxOptions> = {}): Promise<TriggerTest> {
	const sandbox = await startNexSandbox({ port: 0, keepaliveIntervalMs: 0, ...options } as NexSandboxOptions);
	const engine = new TestEngine();
	const credentialIds = new Map<string, string>();
	const credentialFor = (key: string) => {
		const apiKey = sandbox.keys[key] ?? key;
		let id = credentialIds.get(apiKey);
		if (!id) {
			id = `nex-${credentialIds.size + 1}`;
			credentialIds.set(apiKey, id);
			// Named after its id, never after a key: names appear in node JSON and error output.
			engine.addCredential({ id, name: `Nex ${id}`, type: 'nexApi', data: { apiKey, baseUrl: sandbox.baseUrl } });
		}
		return { id, name: `Nex ${id}` };
	};
	const running = new Set<RunningTrigger>();
	const node = (parameters: INodeParameters = {}, key = 'full'): INode => ({
		id: 'nex-trigger-node',
		name: 'Nex Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { nexApi: credentialFor(key) },
	});
	return {
		sandbox,
		engine,
		node,
		async start(parameters = {}, opts = {}) {
			const trigger = await startTrigger(engine, node(parameters, opts.key), opts.staticData ?? {}, opts.mode ?? 'trigger');
			running.add(trigger);
			const close = trigger.close;
			trigger.close = async () => {
				running.delete(trigger);
				await close();
			};
			return trigger;
		},
		async close() {
			for (const trigger of [...running]) await trigger.close();
			await sandbox.close();
		},
	};
}

/** Every insight's content, in the order the workflow received them. */
export function contents(executions: INodeExecutionData[][]): string[] {
	return executions.flat().map((item) => String(item.json.content));
}

/** Waits until `ready()` is true (polling every 10 ms) or fails after `timeoutMs`. */
export async function until(ready: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
	const start = Date.now();
	while (!ready()) {
		if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** Resolves after `ms`. */
export async function pause(ms: number): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, ms));
}
