import type { INodeProperties } from 'n8n-workflow';

import * as getStatus from './getStatus.operation';
import * as trigger from './trigger.operation';

export const compoundingJobDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['compoundingJob'] } },
		options: [getStatus.option, trigger.option],
		default: 'trigger',
	},
	...getStatus.properties,
	...trigger.properties,
];
