import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { TASK_PATH, TASK_SCOPE_READ, taskIdLocator } from './fields';

export const taskGet: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a task by its numeric ID',
		description: 'Get one task by its numeric ID',
		routing: nexRouting(
			{ method: 'GET', url: TASK_PATH },
			{ scope: TASK_SCOPE_READ, safeToRepeat: true, notFound: 'task', pathIds: [{ parameter: 'taskId', label: 'Task' }] },
		),
	},
	properties: [taskIdLocator],
};
