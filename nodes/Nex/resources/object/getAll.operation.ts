import { nexRouting } from '../../shared/transport';
import { returnAllAndLimit, showFor, type NexOperation } from './common';

const show = showFor('object', 'getAll');

export const objectGetAll: NexOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many object types',
		description: 'List the object types (schema) of the workspace, optionally with their attributes',
		routing: nexRouting(
			{ method: 'GET', url: '/v1/objects' },
			{ scope: 'object.read', safeToRepeat: true, items: 'data', localLimit: true },
		),
	},
	fields: [
		...returnAllAndLimit(show),
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
					description: "Whether to include each object type's attribute definitions",
					routing: { send: { type: 'query', property: 'include_attributes' } },
				},
			],
		},
	],
};
