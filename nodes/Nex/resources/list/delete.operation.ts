import { deletedResult } from '../../shared/deleted';
import { nexRouting } from '../../shared/transport';
import { LIST_PATH_ID, listLocatorFor } from './listLocator';
import type { Operation } from '../../../shared/operation';

export const listDelete: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a list permanently (its records are kept)',
		description: 'Delete a list; the records in it are kept',
		routing: nexRouting(
			{ method: 'DELETE', url: '/v1/lists/{listId}' },
			{
				scope: 'object.write',
				notFound: 'list',
				safeToRepeat: false,
				pathIds: [LIST_PATH_ID],
				transform: deletedResult('deleted', { id: 'listId' }),
			},
		),
	},
	properties: [listLocatorFor('The list to delete, chosen from the workspace or given by its numeric ID')],
};
