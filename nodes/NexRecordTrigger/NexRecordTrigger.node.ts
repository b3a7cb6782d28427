import type { INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { nexListSearch } from '../Nex/methods/listSearch';
import { objectTypeLocator } from '../Nex/resources/object/objectTypeLocator';
import { NEX_CREDENTIAL_TYPE } from '../Nex/shared/transport';
import { triggerNodeBasics } from '../shared/nodeDescription';
import { splitList } from '../shared/parameters';
import { pollRecords } from './records';
import { pollTasks, type TaskEvent } from './tasks';

/**
 * Polls Nex for records created or updated (per object type) and tasks created or completed.
 * First activation records a baseline and emits nothing; afterwards each change is emitted once,
 * and the saved state moves only after a complete scan. How each listing is read: records.ts,
 * tasks.ts; what is remembered: changeMemory.ts.
 */

const RECORDS = { resource: ['record'] };
const TASKS = { resource: ['task'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Watch',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		default: 'record',
		options: [
			{ name: 'Record', value: 'record', description: 'Records of one object type created or updated' },
			{ name: 'Task', value: 'task', description: 'Tasks created or completed' },
		],
	},
	objectTypeLocator(RECORDS, 'The object type whose records to watch, e.g. person or company'),
	{
		displayName: 'Events',
		name: 'recordEvents',
		type: 'multiOptions',
		required: true,
		default: ['recordCreated', 'recordUpdated'],
		displayOptions: { show: RECORDS },
		description: 'Which changes start the workflow: one item per changed record and poll',
		options: [
			{ name: 'Record Created', value: 'recordCreated', description: 'A record of this type was created' },
			{ name: 'Record Updated', value: 'recordUpdated', description: 'An existing record of this type changed (its updated_at moved)' },
		],
	},
	{
		displayName:
			'Each item says how the records were read (readMode): "sorted" reads only what changed; "fullScan" (Nex did not sort on updated_at) reads every record of the type on each poll',
		name: 'readModeNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: RECORDS },
	},
	{
		displayName: 'Events',
		name: 'taskEvents',
		type: 'multiOptions',
		required: true,
		default: ['taskCreated'],
		displayOptions: { show: TASKS },
		description: 'Which task changes start the workflow. Nex lists tasks without order or "since", so every poll reads the whole list.',
		options: [
			{ name: 'Task Created', value: 'taskCreated', description: 'A task was created' },
			{ name: 'Task Completed', value: 'taskCompleted', description: 'A task was marked completed (again, after being reopened)' },
		],
	},
	{
		displayName: 'Assignee ID',
		name: 'assigneeId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 50',
		displayOptions: { show: TASKS },
		description: 'Only tasks assigned to this workspace user (numeric ID). Empty: every task.',
	},
];

function chosenEvents<T extends string>(context: IPollFunctions, name: string, allowed: readonly T[]): T[] {
	const value = context.getNodeParameter(name, []) as unknown;
	const list = splitList(value);
	const unknown = list.filter((entry) => !allowed.includes(entry as T));
	if (list.length === 0 || unknown.length > 0) {
		throw new NodeOperationError(context.getNode(), unknown.length > 0 ? `Events: unknown event "${unknown[0]}"` : 'Events is empty', {
			description: `Choose at least one of: ${allowed.join(', ')}. Nothing was sent.`,
		});
	}
	return list as T[];
}

export class NexRecordTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nex Record Trigger',
		name: 'nexRecordTrigger',
		icon: { light: 'file:../Nex/nex.svg', dark: 'file:../Nex/nex.dark.svg' },
		group: ['trigger'],
		...triggerNodeBasics(NEX_CREDENTIAL_TYPE, 'polling'),
		subtitle: '={{$parameter["resource"] === "task" ? $parameter["taskEvents"].join(", ") : $parameter["recordEvents"].join(", ")}}',
		description: 'Starts the workflow when Nex records are created or updated, or tasks are created or completed',
		defaults: { name: 'Nex Record Trigger' },
		properties,
	};

	methods = { listSearch: { searchObjectTypes: nexListSearch.searchObjectTypes } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		if (this.getNodeParameter('resource', 'record') === 'task') {
			const events = chosenEvents<TaskEvent>(this, 'taskEvents', ['taskCreated', 'taskCompleted']);
			return await pollTasks(this, this.getNodeParameter('assigneeId', ''), events);
		}
		const events = chosenEvents(this, 'recordEvents', ['recordCreated', 'recordUpdated']);
		const objectType = this.getNodeParameter('objectType', '', { extractValue: true });
		return await pollRecords(this, objectType, events);
	}
}
