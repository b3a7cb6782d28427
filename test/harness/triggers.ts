import { LoadOptionsContext, PollContext, TriggerContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodePropertyOptions,
	ITriggerResponse,
	IWorkflowBase,
	ResourceMapperFields,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import type { TestEngine } from './engine';

/**
 * Drives trigger and poll nodes the way n8n does when a workflow is active (or when the user
 * clicks "Fetch test event"), keeping the workflow's static data between calls like n8n saves it.
 */

function workflowBase(node: INode): IWorkflowBase {
	return {
		id: 'test-workflow',
		name: 'Trigger test',
		active: true,
		isArchived: false,
		nodes: [node],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as IWorkflowBase;
}

export interface PollResult {
	/** Items emitted by this poll (null: nothing new). */
	items: INodeExecutionData[] | null;
	staticData: IDataObject;
}

/** One call of a poll node's `poll()`; `staticData` is read and updated in place across calls. */
export async function runPoll(
	engine: TestEngine,
	node: INode,
	staticData: IDataObject,
	mode: WorkflowExecuteMode = 'trigger',
	activation: WorkflowActivateMode = 'activate',
): Promise<PollResult> {
	const workflow = engine.workflow({ nodes: [node], connections: {} }, staticData);
	const additionalData = engine.additionalData(`poll-${Date.now()}`, workflowBase(node), mode);
	const context = new PollContext(workflow, node, additionalData, mode, activation);
	const nodeType = engine.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (!nodeType.poll) throw new Error(`${node.type} has no poll()`);
	const output = await nodeType.poll.call(context);
	// n8n keeps the workflow's static data object; changes made through getWorkflowStaticData land in it.
	Object.assign(staticData, workflow.staticData);
	return { items: output ? output[0] : null, staticData };
}

export interface RunningTrigger {
	/** Every emit, in order: each is one execution's items. */
	executions: INodeExecutionData[][];
	errors: Error[];
	response: ITriggerResponse | undefined;
	staticData: IDataObject;
	/**
	 * The static data as n8n's database holds it: written (as JSON) only when n8n writes it for an
	 * active trigger, after `trigger()` returned and at each emit, and only when it changed. Never
	 * on close: n8n does not save a trigger's static data on deactivation or shutdown. A restart
	 * starts from this.
	 */
	savedStaticData: IDataObject;
	/** Resolves when at least `count` executions were emitted (rejects after `timeoutMs`). */
	waitForExecutions(count: number, timeoutMs?: number): Promise<INodeExecutionData[][]>;
	/** Resolves when at least `count` errors were reported. */
	waitForErrors(count: number, timeoutMs?: number): Promise<Error[]>;
	close(): Promise<void>;
}

/** Starts a trigger node as n8n does on activation (`mode: 'trigger'`) or for a manual test (`'manual'`). */
export async function startTrigger(
	engine: TestEngine,
	node: INode,
	staticData: IDataObject = {},
	mode: WorkflowExecuteMode = 'trigger',
	activation: WorkflowActivateMode = 'activate',
): Promise<RunningTrigger> {
	const workflow = engine.workflow({ nodes: [node], connections: {} }, staticData);
	const additionalData = engine.additionalData(`trigger-${Date.now()}`, workflowBase(node), mode);
	const executions: INodeExecutionData[][] = [];
	const errors: Error[] = [];
	const waiters = new Set<() => void>();
	let savedStaticData = JSON.parse(JSON.stringify(staticData)) as IDataObject;
	// WorkflowStaticDataService.saveStaticData: only a changed object is written, then marked unchanged.
	const saveAsN8nDoes = () => {
		const observed = workflow.staticData as IDataObject & { __dataChanged?: boolean };
		if (observed.__dataChanged !== true) return;
		savedStaticData = JSON.parse(JSON.stringify(observed)) as IDataObject;
		observed.__dataChanged = false;
	};
	const notify = () => {
		Object.assign(staticData, workflow.staticData);
		for (const waiter of [...waiters]) waiter();
	};
	const context = new TriggerContext(
		workflow,
		node,
		additionalData,
		mode,
		activation,
		(data: INodeExecutionData[][]) => {
			saveAsN8nDoes();
			executions.push(data[0] ?? []);
			notify();
		},
		(error: Error) => {
			errors.push(error);
			notify();
		},
	);
	const nodeType = engine.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (!nodeType.trigger) throw new Error(`${node.type} has no trigger()`);
	const response = await nodeType.trigger.call(context);
	if (mode !== 'manual') {
		closeActivationScope(context);
		saveAsN8nDoes();
	}

	const waitFor = <T>(ready: () => T | undefined, what: string, timeoutMs: number) =>
		new Promise<T>((resolve, reject) => {
			const check = () => {
				const value = ready();
				if (value !== undefined) {
					waiters.delete(check);
					clearTimeout(timer);
					resolve(value);
				}
			};
			const timer = setTimeout(() => {
				waiters.delete(check);
				reject(new Error(`Timed out waiting for ${what} (have ${executions.length} executions, ${errors.length} errors)`));
			}, timeoutMs);
			waiters.add(check);
			check();
		});

	return {
		executions,
		errors,
		response,
		staticData,
		get savedStaticData() {
			return savedStaticData;
		},
		waitForExecutions: async (count, timeoutMs = 20_000) =>
			await waitFor(() => (executions.length >= count ? executions : undefined), `${count} executions`, timeoutMs),
		waitForErrors: async (count, timeoutMs = 20_000) =>
			await waitFor(() => (errors.length >= count ? errors : undefined), `${count} errors`, timeoutMs),
		close: async () => {
			await response?.closeFunction?.();
			Object.assign(staticData, workflow.staticData);
		},
	};
}

/** Calls a node's loadOptions, listSearch or resourceMapping method as the editor does. */
export async function loadOptions(
	engine: TestEngine,
	node: INode,
	method: string,
	kind: 'loadOptions' | 'listSearch' | 'resourceMapping' = 'loadOptions',
	filter?: string,
	paginationToken?: string,
): Promise<INodePropertyOptions[] | INodeListSearchResult | ResourceMapperFields> {
	const workflow = engine.workflow({ nodes: [node], connections: {} });
	const additionalData = engine.additionalData(`load-options-${Date.now()}`, workflowBase(node), 'internal');
	const context = new LoadOptionsContext(workflow, node, additionalData, '');
	const nodeType = engine.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const fn = (nodeType.methods?.[kind] as Record<string, (...args: unknown[]) => Promise<unknown>> | undefined)?.[method];
	if (!fn) throw new Error(`${node.type} has no ${kind} method ${method}`);
	return (await fn.call(context, filter, paginationToken)) as INodePropertyOptions[] | INodeListSearchResult | ResourceMapperFields;
}

/**
 * n8n 2.x resolves credentials only while the workflow's expression isolate is held: for an
 * active trigger that is the activation (`trigger()`); afterwards `getCredentials` and the
 * helpers that sign with a credential fail with "No bridge acquired for this context". The test
 * trigger context behaves the same, so code that reads credentials too late fails here too.
 */
export const LATE_CREDENTIAL_MESSAGE = 'No bridge acquired for this context. Call acquire() first.';

function closeActivationScope(context: TriggerContext): void {
	const fail = async () => {
		throw new Error(LATE_CREDENTIAL_MESSAGE);
	};
	const target = context as unknown as { getCredentials: unknown; helpers: Record<string, unknown> };
	target.getCredentials = fail;
	for (const name of Object.keys(target.helpers)) {
		if (/WithAuthentication$/.test(name)) target.helpers[name] = fail;
	}
}
