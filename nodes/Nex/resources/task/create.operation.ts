import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { checkTaskFields, TASK_SCOPE_WRITE, taskFields } from './fields';
import { requireText } from '../../../shared/parameters';

export const taskCreate: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a task, optionally linked to records',
		description: 'Create a task, optionally linked to records and assigned to users',
		routing: nexRouting(
			{ method: 'POST', url: '/v1/tasks' },
			{
				scope: TASK_SCOPE_WRITE,
				safeToRepeat: false,
				validate(this: IExecuteSingleFunctions) {
					requireText(this, 'title', 'Title');
					checkTaskFields(this, 'additionalFields');
				},
			},
		),
	},
	properties: [
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Follow up with Acme',
			description: 'What needs to be done',
			routing: { send: { type: 'body', property: 'title' } },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: taskFields('additionalFields'),
		},
	],
};
