import type { INodeProperties } from 'n8n-workflow';

import * as getFeed from './getFeed.operation';
import * as getPreferences from './getPreferences.operation';
import * as updatePreferences from './updatePreferences.operation';

export const notificationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['notification'] } },
		options: [getFeed.option, getPreferences.option, updatePreferences.option],
		default: 'getFeed',
	},
	...getFeed.properties,
	...getPreferences.properties,
	...updatePreferences.properties,
];
