import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export const timelineDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['timeline'] } },
		options: [getAll.option],
		default: 'getAll',
	},
	...getAll.properties,
];
