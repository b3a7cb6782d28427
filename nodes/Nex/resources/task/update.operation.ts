import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { checkTaskFields, TASK_PATH, TASK_SCOPE_WRITE, taskFields, taskIdLocator } from './fields';
import { invalidInput } from '../../../shared/parameters';

export const taskUpdate: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a task by its numeric ID',
		description: 'Change fields of a task; fields not given stay as they are',
		routing: nexRouting(
			{ method: 'PATCH', url: TASK_PATH },
			{
				scope: TASK_SCOPE_WRITE,
				// Setting the same fields again leaves the task as the first attempt did.
				safeToRepeat: true,
				notFound: 'task',
				pathIds: [{ parameter: 'taskId', label: 'Task' }],
				validate(this: IExecuteSingleFunctions) {
					const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
					if (Object.keys(fields).length === 0) {
						throw invalidInput(this, 'Update Fields is empty', 'Add at least one field to change under "Update Fields".');
					}
					if (fields.title !== undefined && String(fields.title).trim() === '') {
						throw invalidInput(this, 'Title is empty', 'A task title cannot be empty: enter a new title or remove the field.');
					}
					checkTaskFields(this, 'updateFields');
				},
			},
		),
	},
	properties: [
		taskIdLocator,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: taskFields('updateFields'),
		},
	],
};
