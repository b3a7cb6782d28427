import { simplifyRecord, simplifyWhenChosen } from '../../shared/simplify';
import { nexRouting } from '../../shared/transport';
import { RECORD_PATH_ID, recordLocator } from './recordLocator';
import { type Operation, showFor, simplifyField } from '../../../shared/operation';

const show = showFor('record', 'get');

export const recordGet: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a record with all its values by its numeric ID',
		description: 'Get one record with all its attribute values',
		routing: nexRouting(
			{ method: 'GET', url: '/v1/records/{recordId}' },
			{
				scope: 'record.read',
				notFound: 'record',
				safeToRepeat: true,
				pathIds: [RECORD_PATH_ID],
				transform: simplifyWhenChosen(simplifyRecord),
			},
		),
	},
	properties: [recordLocator(show), simplifyField()],
};
