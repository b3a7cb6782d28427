import { nexRouting } from '../../shared/transport';
import { LIST_PATH, LIST_PATH_ID, listLocator } from './listLocator';
import { deletedResult } from '../../shared/deleted';
import { assertIntegerIds } from '../../../shared/ids';
import { type Operation, showFor } from '../../../shared/operation';

export const listDelete: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a list permanently (its records are kept)',
		description: 'Delete a list; the records in it are kept',
		routing: nexRouting(
			{ method: 'DELETE', url: LIST_PATH },
			{
				scope: 'object.write',
				notFound: 'list',
				safeToRepeat: false,
				pathIds: [LIST_PATH_ID],
				validate() {
					assertIntegerIds(this, [LIST_PATH_ID]);
				},
				transform: deletedResult('deleted', { id: 'listId' }),
			}
		),
	},
	properties: [listLocator(showFor('list', 'delete'), 'The list to delete, chosen from the workspace or given by its numeric ID')],
};
