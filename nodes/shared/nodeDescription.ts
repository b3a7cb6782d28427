import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * What every node of the package declares alike: version 1, one main output, and its service's
 * credential, required. Each node class still declares its display name, name, group, icon,
 * subtitle, description and defaults in its own literal, where n8n's checks read them.
 */
type Basics = Pick<INodeTypeDescription, 'version' | 'inputs' | 'outputs' | 'credentials' | 'polling'>;

function basics(credential: string): Basics {
	return {
		version: 1,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: credential, required: true }],
	};
}

/** A node that acts on its input items (one main input). */
export function actionNodeBasics(credential: string): Basics {
	return { ...basics(credential), inputs: [NodeConnectionTypes.Main] };
}

/** A trigger (no input): `polling` when n8n calls it on a schedule, `listening` when it keeps a connection open. */
export function triggerNodeBasics(credential: string, mode: 'polling' | 'listening'): Basics {
	return { ...basics(credential), ...(mode === 'polling' ? { polling: true } : {}) };
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
