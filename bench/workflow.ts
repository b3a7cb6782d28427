import type { INode } from 'n8n-workflow';

import type { WorkflowJson } from '../test/harness/engine';

/** "Manual Trigger → node", as a user builds it to run one node by hand. */
export function manualThen(node: INode): WorkflowJson {
	return {
		nodes: [{ id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }, node],
		connections: { Start: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
	};
}
