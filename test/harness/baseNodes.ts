import { dirname, join } from 'node:path';
import type { INodeExecutionData, INodeType, IVersionedNodeType, WorkflowExecuteMode } from 'n8n-workflow';

import type { TestEngine, WorkflowJson, WorkflowResult } from './engine';

/**
 * n8n's own nodes (n8n-nodes-base, a devDependency) for workflows that mix them with this
 * package's nodes, such as the example workflows: Set, Filter, Split Out, Limit, Webhook,
 * Schedule Trigger, Sticky Note... Loaded from the installed package by type name, added to a
 * TestEngine's registry beside the package's own nodes.
 */

const BASE_PREFIX = 'n8n-nodes-base.';

let baseNodeFiles: string[] | undefined;

function baseNodeFilesList(): string[] {
	if (!baseNodeFiles) {
		const packageJson = require.resolve('n8n-nodes-base/package.json');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const field = (require(packageJson) as { n8n: { nodes: string[] } }).n8n.nodes;
		baseNodeFiles = field.map((file) => join(dirname(packageJson), file));
	}
	return baseNodeFiles;
}

/** Loads `n8n-nodes-base.<name>` (e.g. `n8n-nodes-base.set`) from the installed package. */
export function loadBaseNodeType(typeName: string): INodeType | IVersionedNodeType {
	if (!typeName.startsWith(BASE_PREFIX)) throw new Error(`${typeName} is not an n8n-nodes-base node`);
	const name = typeName.slice(BASE_PREFIX.length);
	// Node files are named after their node, e.g. dist/nodes/Set/Set.node.js; the Schedule Trigger's
	// folder is Schedule, so the file name (not the folder) is what to compare.
	const candidates = baseNodeFilesList().filter((file) => file.toLowerCase().endsWith(`/${name.toLowerCase()}.node.js`));
	for (const file of candidates) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(file) as Record<string, unknown>;
		for (const exported of Object.values(module)) {
			if (typeof exported !== 'function') continue;
			const instance = new (exported as new () => INodeType | IVersionedNodeType)();
			if (instance.description?.name === name) return instance;
		}
	}
	throw new Error(`n8n-nodes-base has no node named "${name}"`);
}

/** Registers every n8n-nodes-base node a workflow uses (the harness's own Manual Trigger stays). */
export function addBaseNodeTypes(engine: TestEngine, workflow: Pick<WorkflowJson, 'nodes'>): void {
	for (const node of workflow.nodes) {
		if (!node.type.startsWith(BASE_PREFIX) || node.type === `${BASE_PREFIX}manualTrigger`) continue;
		try {
			engine.nodeTypes.getByName(node.type);
		} catch {
			engine.nodeTypes.add(node.type, loadBaseNodeType(node.type));
		}
	}
}

/**
 * Runs a workflow from a chosen start node, as n8n runs an execution that a trigger started: the
 * trigger's output is `triggerItems` (pinned on it), and every node after it runs for real.
 */
export async function runFromTrigger(
	engine: TestEngine,
	json: WorkflowJson,
	triggerName: string,
	triggerItems: INodeExecutionData[],
	mode: WorkflowExecuteMode = 'trigger',
): Promise<WorkflowResult> {
	const pinned = { ...json, pinData: { ...(json.pinData ?? {}), [triggerName]: triggerItems } };
	const workflow = engine.workflow(pinned);
	const startNode = workflow.getNode(triggerName);
	if (!startNode) throw new Error(`The workflow has no node named "${triggerName}"`);
	return await engine.execute(workflow, pinned, mode, startNode);
}
