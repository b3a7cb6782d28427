import type { Operation } from '../../../shared/operation';
import { itemRouting } from '../../shared/listedItem';
import { taskItem } from './fields';

export const taskGet: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a task by its numeric ID',
		description: 'Get one task by its numeric ID',
		routing: itemRouting(taskItem, 'GET'),
	},
	properties: [taskItem.locator],
};
