import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { checkTaskFields, TASK_SCOPE_WRITE, taskFields } from './fields';
import { requireText } from '../../../shared/parameters';
import { additionalFieldsCollection } from '../../../shared/collections';
import { requiredBodyText } from '../../../shared/bodyFields';

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
		requiredBodyText('Title', 'title', { placeholder: 'e.g. Follow up with Acme', description: 'What needs to be done' }),
		additionalFieldsCollection(taskFields('additionalFields')),
	],
};
