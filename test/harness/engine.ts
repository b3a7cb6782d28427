import './bootstrap';

import { randomUUID } from 'node:crypto';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { setSafeRegexEngine, Workflow } from 'n8n-workflow';

import type { StoredCredential } from './credentialsHelper';
import { HarnessCredentialsHelper } from './credentialsHelper';
import type { NodeTypeRegistry } from './nodeTypes';
import { loadPackageTypes } from './packageTypes';

// n8n's default regex engine runs each pattern in a VM with a 250 ms limit, which a loaded CI
// machine can exceed on the simplest pattern; the host runs them natively.
setSafeRegexEngine({
	exec: (pattern, input, flags) => new RegExp(pattern, flags).exec(input),
	test: (pattern, input, flags) => new RegExp(pattern, flags).test(input),
	replace: (pattern, input, flags, replacement) => input.replace(new RegExp(pattern, flags), replacement),
	matchAll: (pattern, input, flags) => [...input.matchAll(new RegExp(pattern, flags?.includes('g') ? flags : `${flags ?? ''}g`))],
	split: (pattern, input, flags) => input.split(new RegExp(pattern, flags)),
});

/** A workflow as n8n stores it (export JSON). */
export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IWorkflowBase['connections'];
	settings?: IWorkflowBase['settings'];
	staticData?: IDataObject;
	pinData?: IWorkflowBase['pinData'];
}

export interface WorkflowResult {
	run: IRun;
	/** Output items of each node's first run, first output. */
	items: Record<string, INodeExecutionData[]>;
	/** Error of the whole execution, if it failed. */
	error?: Error & { description?: string; httpCode?: string; node?: INode };
	/** Static data after the run (what n8n would save with the workflow). */
	staticData: IDataObject;
}

/**
 * One in-process n8n: node types and credential types of the package, an in-memory
 * credential store, and the engine's additional data. Tests make one per file.
 */
export class TestEngine {
	readonly nodeTypes: NodeTypeRegistry;

	readonly credentialTypes: Map<string, ICredentialType>;

	readonly credentials: HarnessCredentialsHelper;

	constructor() {
		const loaded = loadPackageTypes();
		this.nodeTypes = loaded.nodeTypes;
		this.credentialTypes = loaded.credentialTypes;
		this.credentials = new HarnessCredentialsHelper(this.credentialTypes);
	}

	addCredential(credential: StoredCredential): this {
		this.credentials.put(credential);
		return this;
	}

	additionalData(executionId: string, workflowData: IWorkflowBase, mode: WorkflowExecuteMode): IWorkflowExecuteAdditionalData {
		const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
		return {
			credentialsHelper: this.credentials,
			hooks,
			executeWorkflow: async () => {
				throw new Error('Sub-workflows are not available in the test engine');
			},
			getRunExecutionData: async () => undefined,
			getRuntimeCredential: async () => undefined,
			executionId,
			currentNodeExecutionIndex: 0,
			restApiUrl: 'http://127.0.0.1:5678/rest',
			instanceBaseUrl: 'http://127.0.0.1:5678/',
			formBaseUrl: 'http://127.0.0.1:5678/form',
			formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
			formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
			webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
			webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
			webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
			mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
			mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
			variables: {},
			logAiEvent: () => {},
			startRunnerTask: async () => {
				throw new Error('Task runners are not available in the test engine');
			},
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	workflow(json: WorkflowJson, staticData?: IDataObject): Workflow {
		return new Workflow({
			id: 'test-workflow',
			name: json.name ?? 'Test workflow',
			nodes: json.nodes,
			connections: json.connections,
			active: false,
			nodeTypes: this.nodeTypes,
			staticData: staticData ?? json.staticData ?? {},
			settings: json.settings,
			pinData: json.pinData,
		});
	}

	/** Runs a workflow from its start (the trigger without inputs) to the end, like "Execute workflow". */
	async run(json: WorkflowJson, options: { staticData?: IDataObject } = {}): Promise<WorkflowResult> {
		return await this.execute(this.workflow(json, options.staticData), json, 'manual');
	}

	/**
	 * One execution of `workflow` (built from `json`) in `mode`, from `startNode` or else from its
	 * start, with `json.pinData` pinned; the items each node returned on its first run.
	 */
	async execute(workflow: Workflow, json: WorkflowJson, mode: WorkflowExecuteMode, startNode?: INode): Promise<WorkflowResult> {
		const workflowData: IWorkflowBase = {
			id: workflow.id,
			name: workflow.name ?? 'Test workflow',
			active: false,
			isArchived: false,
			nodes: json.nodes,
			connections: json.connections,
			createdAt: new Date(),
			updatedAt: new Date(),
		} as IWorkflowBase;
		const additionalData = this.additionalData(randomUUID(), workflowData, mode);
		const run = await new WorkflowExecute(additionalData, mode).run({ workflow, startNode, pinData: json.pinData });
		const items: Record<string, INodeExecutionData[]> = {};
		for (const [nodeName, runs] of Object.entries(run.data.resultData.runData)) {
			items[nodeName] = runs[0]?.data?.main?.[0] ?? [];
		}
		return {
			run,
			items,
			error: run.data.resultData.error as WorkflowResult['error'],
			staticData: workflow.staticData as IDataObject,
		};
	}
}

/** Items' json of one node, for concise assertions. */
export function jsonOf(result: WorkflowResult, nodeName: string): IDataObject[] {
	return (result.items[nodeName] ?? []).map((item) => item.json);
}
