import { nexRouting } from '../../shared/transport';
import { RECORD_PATH_ID, recordLocator } from './recordLocator';
import { deletedResult } from '../../shared/deleted';
import { type Operation, showFor } from '../../../shared/operation';

export const recordDelete: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a record and its links permanently',
		description: 'Permanently delete a record with its list memberships and relationships',
		routing: nexRouting(
			{ method: 'DELETE', url: '/v1/records/{recordId}' },
			{
				scope: 'record.write',
				notFound: 'record',
				safeToRepeat: false,
				pathIds: [RECORD_PATH_ID],
				transform: deletedResult('deleted', { id: 'recordId' }),
			},
		),
	},
	properties: [recordLocator(showFor('record', 'delete'), { description: 'The record to delete, found by a search or given by its numeric ID (digits only; it may exceed 2^53, so pass it as text)' })],
};
