import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { searchTasks } from './listSearch';

export const taskDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [create.option, del.option, get.option, getAll.option, update.option],
		default: 'create',
	},
	...create.properties,
	...del.properties,
	...get.properties,
	...getAll.properties,
	...update.properties,
];
