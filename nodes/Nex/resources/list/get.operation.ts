import { nexRouting } from '../../shared/transport';
import { assertIntegerIds, fillPathParameters, showFor, type NexOperation } from '../object/common';
import { LIST_PATH, LIST_PATH_ID, listLocator } from './listLocator';

export const listGet: NexOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a list',
		description: 'Get one list with its own attribute definitions',
		routing: nexRouting(
			{ method: 'GET', url: LIST_PATH },
			{
				scope: 'list.read',
				notFound: 'list',
				safeToRepeat: true,
				pathIds: [LIST_PATH_ID],
				validate() {
					assertIntegerIds(this, [LIST_PATH_ID]);
				},
			},
			{ preSend: [fillPathParameters] },
		),
	},
	fields: [listLocator(showFor('list', 'get'))],
};
