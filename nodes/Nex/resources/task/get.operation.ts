import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { nexRouting } from '../../shared/transport';
import { TASK_PATH, TASK_SCOPE_READ, taskIdLocator } from './fields';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a task',
	description: 'Get one task by its ID',
	routing: nexRouting(
		{ method: 'GET', url: TASK_PATH },
		{ scope: TASK_SCOPE_READ, safeToRepeat: true, notFound: 'task', pathIds: [{ parameter: 'taskId', label: 'Task' }] },
	),
};

export const properties: INodeProperties[] = updateDisplayOptions({ show: { resource: ['task'], operation: ['get'] } }, [
	taskIdLocator,
]);
