import { nexRouting } from '../../shared/transport';
import { deletedResult, fillPathParameters, showFor, type NexOperation } from './common';
import { OBJECT_PATH, OBJECT_TYPE_PATH_ID, objectTypeLocator } from './objectTypeLocator';

export const objectDelete: NexOperation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete an object type',
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
			{ preSend: [fillPathParameters] },
		),
	},
	fields: [objectTypeLocator(showFor('object', 'delete'))],
};
