import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { TASK_PATH, TASK_SCOPE_WRITE, taskIdLocator } from './fields';

export const taskDelete: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a task (archived, gone from lists)',
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
	},
	properties: [taskIdLocator],
};
