import { nexRouting } from '../../shared/transport';
import { RECORD_PATH_ID } from '../record/recordLocator';
import { returnAllAndLimit, type Operation } from '../../../shared/operation';

/** Nex answers at most 100 timeline events per request (`limit` 1–100). */
export const TIMELINE_PAGE_SIZE = 100;

export const timelineGetAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List the activity timeline of a record, newest first',
		description:
			'List the activity timeline of a record, newest first: changes to the record, its tasks, notes and list memberships',
		routing: nexRouting(
			{ method: 'GET', url: '/v1/records/{recordId}/timeline' },
			{
				scope: 'record.read',
				safeToRepeat: true,
				pathIds: [RECORD_PATH_ID],
				notFound: 'record',
				items: 'data',
				paging: { style: 'cursor', pageSize: TIMELINE_PAGE_SIZE },
			},
		),
	},
	properties: [
		{
			displayName: 'Record',
			name: 'recordId',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: true,
			description: 'The record whose timeline to read, found by a search or given by its numeric ID (digits only; it may exceed 2^53, so pass it as text)',
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					placeholder: 'Select a record...',
					typeOptions: { searchListMethod: 'searchRecords', searchable: true },
				},
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: 'e.g. 32710180831586561',
					validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'Record ID must be digits only' } }],
				},
			],
		},
		...returnAllAndLimit(),
	],
};
