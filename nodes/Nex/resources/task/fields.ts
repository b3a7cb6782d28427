import type { IExecuteSingleFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { listedItem, updatedTitleField } from '../../shared/listedItem';
import type { ParameterContext } from '../../../shared/context';
import { checkDateTime } from '../../../shared/dateTime';
import { checkIdList } from '../../../shared/ids';
import { optionalParameter } from '../../../shared/parameters';
import { sendDateTime, sendList } from '../../../shared/preSend';

/** Task fields shared by Create and Update. */

export const TASK_SCOPE_READ = 'task.read';
export const TASK_SCOPE_WRITE = 'task.write';

export const taskPriorityOptions: INodePropertyOptions[] = [
	{ name: 'High', value: 'high' },
	{ name: 'Low', value: 'low' },
	{ name: 'Medium', value: 'medium' },
	{ name: 'Unspecified', value: 'unspecified' },
	{ name: 'Urgent', value: 'urgent' },
];

/** A task, picked from a list or by its ID, at `/v1/tasks/{taskId}`. */
export const taskItem = listedItem({ label: 'Task', parameter: 'taskId', noun: 'task', searchListMethod: 'searchTasks', path: '/v1/tasks/{taskId}', scopes: { read: TASK_SCOPE_READ, write: TASK_SCOPE_WRITE } });

/** Optional task fields, named as under "Additional Fields" (create) or "Update Fields" (update). */
export function taskFields(collection: 'additionalFields' | 'updateFields'): INodeProperties[] {
	const path = (name: string) => `${collection}.${name}`;
	const fields: INodeProperties[] = [
		{
			displayName: 'Assignee User IDs',
			name: 'assigneeIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 32414268188027649',
			description:
				collection === 'updateFields'
					? 'Comma-separated IDs of the workspace users to assign; replaces the current assignees (empty removes them all)'
					: 'Comma-separated IDs of the workspace users to assign',
			routing: { send: { preSend: [sendList(path('assigneeIds'), 'assignee_ids')] } },
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description:
				collection === 'updateFields' ? 'New description; an empty value clears it' : 'Longer text describing the task',
			routing: { send: { type: 'body', property: 'description' } },
		},
		{
			displayName: 'Due Date',
			name: 'dueDate',
			type: 'dateTime',
			default: '',
			description: "When the task is due. Without a time zone offset it is read in the workflow's time zone.",
			routing: { send: { preSend: [sendDateTime(path('dueDate'), 'due_date')] } },
		},
		{
			displayName: 'Priority',
			name: 'priority',
			type: 'options',
			options: taskPriorityOptions,
			default: 'unspecified',
			description: 'How urgent the task is',
			routing: { send: { type: 'body', property: 'priority' } },
		},
		{
			displayName: 'Record IDs',
			name: 'entityIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 32710180831586561, 32710180831586563',
			description:
				collection === 'updateFields'
					? 'Comma-separated IDs of the records (people, companies...) the task is about; replaces the current links (empty removes them all)'
					: 'Comma-separated IDs of the records (people, companies...) the task is about',
			routing: { send: { preSend: [sendList(path('entityIds'), 'entity_ids')] } },
		},
	];
	if (collection === 'updateFields') {
		fields.push(
			{
				displayName: 'Is Completed',
				name: 'isCompleted',
				type: 'boolean',
				default: true,
				description: 'Whether the task is done (false reopens it)',
				routing: { send: { type: 'body', property: 'is_completed' } },
			},
			updatedTitleField,
		);
		fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
	}
	return fields;
}

/** Checks the optional task fields in `collection` before anything is sent. */
export function checkTaskFields(
	context: ParameterContext & Pick<IExecuteSingleFunctions, 'getTimezone'>,
	collection: 'additionalFields' | 'updateFields',
): void {
	const dueDate = optionalParameter(context, `${collection}.dueDate`);
	if (dueDate !== undefined) checkDateTime(context, dueDate, 'Due Date');
	const entityIds = optionalParameter(context, `${collection}.entityIds`);
	if (entityIds !== undefined) checkIdList(context, entityIds, 'Record IDs');
	const assigneeIds = optionalParameter(context, `${collection}.assigneeIds`);
	if (assigneeIds !== undefined) checkIdList(context, assigneeIds, 'Assignee User IDs');
}
