import { nexRouting } from '../../shared/transport';
import { OBJECT_PATH, OBJECT_TYPE_PATH_ID, objectTypeLocator } from './objectTypeLocator';
import { deletedResult } from '../../shared/deleted';
import { type Operation, showFor } from '../../../shared/operation';

export const objectDelete: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete an object type and all its records permanently',
		description: 'Permanently delete an object type with all its records, lists and attributes',
		routing: nexRouting(
			{ method: 'DELETE', url: OBJECT_PATH },
			{
				scope: 'object.write',
				notFound: 'object type',
				safeToRepeat: false,
				pathIds: [OBJECT_TYPE_PATH_ID],
				transform: deletedResult('deleted', { slug: 'objectType' }),
			},
		),
	},
	properties: [objectTypeLocator(showFor('object', 'delete'))],
};
