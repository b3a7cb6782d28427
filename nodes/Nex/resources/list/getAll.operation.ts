import { nexRouting } from '../../shared/transport';
import { OBJECT_TYPE_PATH_ID, objectTypeLocator } from '../object/objectTypeLocator';
import { type Operation, returnAllAndLimit, showFor } from '../../../shared/operation';
import { includeAttributesOption } from '../object/includeAttributes';
import { optionsCollection } from '../../../shared/collections';

const show = showFor('list', 'getAll');

export const listGetAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List the lists of an object type',
		description: 'List the lists that hold records of an object type',
		routing: nexRouting(
			{ method: 'GET', url: '/v1/objects/{objectType}/lists' },
			{
				scope: 'list.read',
				notFound: 'object type',
				safeToRepeat: true,
				items: 'data',
				pathIds: [OBJECT_TYPE_PATH_ID],
				limit: {},
			},
		),
	},
	properties: [
		objectTypeLocator(show, 'The object type whose lists to return, e.g. person or company'),
		...returnAllAndLimit(),
		optionsCollection([includeAttributesOption("Whether to include each list's own attribute definitions")], show),
	],
};
