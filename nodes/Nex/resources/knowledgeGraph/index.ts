import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export const knowledgeGraphDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['knowledgeGraph'] } },
		options: [get.option],
		default: 'get',
	},
	...get.properties,
];
