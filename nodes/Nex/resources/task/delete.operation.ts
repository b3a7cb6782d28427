import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { nexRouting } from '../../shared/transport';
import { TASK_PATH, TASK_SCOPE_WRITE, taskIdLocator } from './fields';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a task',
	description: 'Archive a task (Nex keeps it with an archived date; it no longer appears in lists)',
	routing: nexRouting(
		{ method: 'DELETE', url: TASK_PATH },
		{
			scope: TASK_SCOPE_WRITE,
			safeToRepeat: true,
			notFound: 'task',
			pathIds: [{ parameter: 'taskId', label: 'Task' }],
			async transform() {
				const id = String(this.getNodeParameter('taskId', '', { extractValue: true }));
				return [{ id, deleted: true }];
			},
		},
	),
};

export const properties: INodeProperties[] = updateDisplayOptions({ show: { resource: ['task'], operation: ['delete'] } }, [
	taskIdLocator,
]);
