import { nexRouting } from '../../shared/transport';
import { RECORD_PATH_ID } from '../record/recordLocator';
import { fromListMode, resourceLocator, typedIdMode } from '../../../shared/locator';
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
		resourceLocator(
			{
				displayName: 'Record',
				name: 'recordId',
				description: 'The record whose timeline to read, found by a search or given by its numeric ID (digits only; it may exceed 2^53, so pass it as text)',
			},
			fromListMode('Select a record...', 'searchRecords'),
			typedIdMode('e.g. 32710180831586561', { regex: '^\\d+$', errorMessage: 'Record ID must be digits only' }),
		),
		...returnAllAndLimit(),
	],
};
