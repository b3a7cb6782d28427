import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * What every node of the package declares alike: version 1, named on the canvas as it is
 * listed, one main output, and its service's credential, required. Each node class still
 * declares its own name, icon, subtitle and description where n8n's checks read them.
 */
type Basics = Pick<INodeTypeDescription, 'displayName' | 'group' | 'version' | 'defaults' | 'inputs' | 'outputs' | 'credentials' | 'polling'>;

function basics(displayName: string, credential: string): Basics {
	return {
		displayName,
		group: [],
		version: 1,
		defaults: { name: displayName },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: credential, required: true }],
	};
}

/** A node that acts on its input items (one main input). */
export function actionNodeBasics(displayName: string, credential: string): Basics {
	return { ...basics(displayName, credential), group: ['transform'], inputs: [NodeConnectionTypes.Main] };
}

/** A trigger (no input): `polling` when n8n calls it on a schedule, `listening` when it keeps a connection open. */
export function triggerNodeBasics(displayName: string, credential: string, mode: 'polling' | 'listening'): Basics {
	return { ...basics(displayName, credential), group: ['trigger'], ...(mode === 'polling' ? { polling: true } : {}) };
}

/** The Resource dropdown that leads an action node's parameters. */
export function resourceSelector(resources: INodePropertyOptions[], defaultResource: string): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources,
		default: defaultResource,
	};
}
