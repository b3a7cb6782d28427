import { nexRouting } from '../../shared/transport';
import { assertIntegerIds, deletedResult, fillPathParameters, showFor, type NexOperation } from '../object/common';
import { RECORD_PATH_ID, recordLocator } from './recordLocator';

export const recordDelete: NexOperation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a record',
		description: 'Permanently delete a record with its list memberships and relationships',
		routing: nexRouting(
			{ method: 'DELETE', url: '/v1/records/{recordId}' },
			{
				scope: 'record.write',
				notFound: 'record',
				safeToRepeat: false,
				pathIds: [RECORD_PATH_ID],
				validate() {
					assertIntegerIds(this, [RECORD_PATH_ID]);
				},
				transform: deletedResult('deleted', { id: 'recordId' }),
			},
			{ preSend: [fillPathParameters] },
		),
	},
	fields: [recordLocator(showFor('record', 'delete'), { description: 'The record to delete, found by a search or given by its numeric ID' })],
};
