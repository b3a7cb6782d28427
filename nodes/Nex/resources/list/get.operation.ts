import { nexRouting } from '../../shared/transport';
import { LIST_PATH, LIST_PATH_ID, listLocator } from './listLocator';
import { assertIntegerIds } from '../../../shared/ids';
import { type Operation, showFor } from '../../../shared/operation';

export const listGet: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a list by its numeric ID',
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
			}
		),
	},
	properties: [listLocator(showFor('list', 'get'))],
};
