import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { searchNotificationRules } from './listSearch';

export const notificationRuleDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['notificationRule'] } },
		options: [create.option, del.option, get.option, getAll.option],
		default: 'create',
	},
	...create.properties,
	...del.properties,
	...get.properties,
	...getAll.properties,
];
