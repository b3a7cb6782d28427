import { returnAllAndLimit, type Operation } from '../../../shared/operation';
import { filtersCollection } from '../../shared/filters';
import { nexRouting } from '../../shared/transport';
import { TASK_SCOPE_READ } from './fields';
import { checkIntegerId } from '../../../shared/ids';
import { optionalParameter } from '../../../shared/parameters';

/** Nex answers at most 500 tasks per request (`limit` 1–500). */
export const TASK_PAGE_SIZE = 500;

export const taskGetAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List tasks, newest first',
		description: 'List tasks, newest first, optionally filtered by record, assignee, completion or title',
		routing: nexRouting(
			{ method: 'GET', url: '/v1/tasks' },
			{
				scope: TASK_SCOPE_READ,
				safeToRepeat: true,
				items: 'data',
				paging: { style: 'queryOffset', pageSize: TASK_PAGE_SIZE },
				validate() {
					const entityId = optionalParameter(this, 'filters.entityId');
					if (entityId !== undefined) checkIntegerId(this, entityId, 'Record ID');
					const assigneeId = optionalParameter(this, 'filters.assigneeId');
					if (assigneeId !== undefined) checkIntegerId(this, assigneeId, 'Assignee User ID');
				},
			},
		),
	},
	properties: [
		...returnAllAndLimit(),
		filtersCollection([
			{
				displayName: 'Assignee User ID',
				name: 'assigneeId',
				type: 'string',
				default: '',
				description: 'Only tasks assigned to this user',
				routing: { send: { type: 'query', property: 'assignee_id' } },
			},
			{
				displayName: 'Is Completed',
				name: 'isCompleted',
				type: 'boolean',
				default: false,
				description: 'Whether to return only completed tasks (on) or only open tasks (off)',
				routing: { send: { type: 'query', property: 'is_completed' } },
			},
			{
				displayName: 'Record ID',
				name: 'entityId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 32710180831586561',
				description: 'Only tasks linked to this record',
				routing: { send: { type: 'query', property: 'entity_id' } },
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. follow up',
				description: 'Only tasks whose title contains this text',
				routing: { send: { type: 'query', property: 'search' } },
			},
		]),
	],
};
