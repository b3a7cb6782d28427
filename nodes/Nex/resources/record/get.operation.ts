import { simplifyProperty, simplifyRecord, simplifyWhenChosen } from '../../shared/simplify';
import { nexRouting } from '../../shared/transport';
import { assertIntegerIds, fillPathParameters, showFor, type NexOperation } from '../object/common';
import { RECORD_PATH_ID, recordLocator } from './recordLocator';

const show = showFor('record', 'get');

export const recordGet: NexOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a record',
		description: 'Get one record with all its attribute values',
		routing: nexRouting(
			{ method: 'GET', url: '/v1/records/{recordId}' },
			{
				scope: 'record.read',
				notFound: 'record',
				safeToRepeat: true,
				pathIds: [RECORD_PATH_ID],
				validate() {
					assertIntegerIds(this, [RECORD_PATH_ID]);
				},
				transform: simplifyWhenChosen(simplifyRecord),
			},
			{ preSend: [fillPathParameters] },
		),
	},
	fields: [recordLocator(show), simplifyProperty(show)],
};
