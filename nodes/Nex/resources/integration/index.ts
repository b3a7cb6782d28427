import type { INodeProperties } from 'n8n-workflow';

import * as connect from './connect.operation';
import * as disconnect from './disconnect.operation';
import * as getAll from './getAll.operation';
import * as getConnectStatus from './getConnectStatus.operation';

export const integrationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['integration'] } },
		options: [connect.option, disconnect.option, getAll.option, getConnectStatus.option],
		default: 'getAll',
	},
	...connect.properties,
	...disconnect.properties,
	...getAll.properties,
	...getConnectStatus.properties,
];
