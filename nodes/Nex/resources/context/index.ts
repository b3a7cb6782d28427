import type { INodeProperties } from 'n8n-workflow';

import * as addText from './addText.operation';
import * as ask from './ask.operation';
import * as getArtifact from './getArtifact.operation';

export const contextDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['context'] } },
		options: [addText.option, ask.option, getArtifact.option],
		default: 'ask',
	},
	...addText.properties,
	...ask.properties,
	...getArtifact.properties,
];
