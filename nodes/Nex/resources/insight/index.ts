import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export const insightDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['insight'] } },
		options: [getAll.option],
		default: 'getAll',
	},
	...getAll.properties,
];
