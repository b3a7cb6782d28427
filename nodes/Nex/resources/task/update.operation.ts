import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { itemRouting, readTitledUpdate } from '../../shared/listedItem';
import { checkTaskFields, taskFields, taskItem } from './fields';
import { updateFieldsCollection } from '../../../shared/collections';

export const taskUpdate: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a task by its numeric ID',
		description: 'Change fields of a task; fields not given stay as they are',
		routing: itemRouting(taskItem, 'PATCH', {
			validate(this: IExecuteSingleFunctions) {
				readTitledUpdate(this, taskItem);
				checkTaskFields(this, 'updateFields');
			},
		}),
	},
	properties: [
		taskItem.locator,
		updateFieldsCollection(taskFields('updateFields')),
	],
};
