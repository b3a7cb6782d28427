import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { requireIntegerId } from '../../../shared/ids';
import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';

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
			{ method: 'GET', url: '=/v1/records/{{encodeURIComponent(String($parameter.recordId).trim())}}/timeline' },
			{
				scope: 'record.read',
				safeToRepeat: true,
				pathIds: [{ parameter: 'recordId', label: 'Record' }],
				notFound: 'record',
				items: 'data',
				paging: { style: 'cursor', pageSize: TIMELINE_PAGE_SIZE },
				validate(this: IExecuteSingleFunctions) {
					requireIntegerId(this, 'recordId', 'Record ID');
				},
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
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	],
};
