import { nexRouting } from '../../shared/transport';
import { OBJECT_TYPE_PATH_ID, objectTypeLocator } from '../object/objectTypeLocator';
import { type Operation, returnAllAndLimit, showFor } from '../../../shared/operation';

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
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show },
			options: [
				{
					displayName: 'Include Attributes',
					name: 'includeAttributes',
					type: 'boolean',
					default: true,
					description: "Whether to include each list's own attribute definitions",
					routing: { send: { type: 'query', property: 'include_attributes' } },
				},
			],
		},
	],
};
