import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { objectDescription } from './resources/object';
import { requestOptionsProperty } from './shared/requestOptions';
import { NEX_CREDENTIAL_TYPE, nexRequestDefaults } from './shared/transport';

export class Nex implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nex',
		name: 'nex',
		icon: { light: 'file:nex.svg', dark: 'file:nex.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read and write the Nex context graph: records, lists, tasks, notes, AI context and insights',
		defaults: { name: 'Nex' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: NEX_CREDENTIAL_TYPE, required: true }],
		requestDefaults: nexRequestDefaults,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Object', value: 'object', description: 'Object types (schema) of the workspace' }],
				default: 'object',
			},
			...objectDescription,
			requestOptionsProperty,
		],
	};
}
