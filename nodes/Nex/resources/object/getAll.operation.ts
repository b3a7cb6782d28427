import { nexRouting } from '../../shared/transport';
import { type Operation, returnAllAndLimit, showFor } from '../../../shared/operation';

const show = showFor('object', 'getAll');

export const objectGetAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List the object types (schemas)',
		description: 'List the object types (schema) of the workspace, optionally with their attributes',
		routing: nexRouting(
			{ method: 'GET', url: '/v1/objects' },
			{ scope: 'object.read', safeToRepeat: true, items: 'data', limit: {} },
		),
	},
	properties: [
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
					description: "Whether to include each object type's attribute definitions",
					routing: { send: { type: 'query', property: 'include_attributes' } },
				},
			],
		},
	],
};
