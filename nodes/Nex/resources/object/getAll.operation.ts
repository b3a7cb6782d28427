import { nexRouting } from '../../shared/transport';
import { type Operation, returnAllAndLimit, showFor } from '../../../shared/operation';
import { includeAttributesOption } from './includeAttributes';
import { optionsCollection } from '../../../shared/collections';

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
		optionsCollection([includeAttributesOption("Whether to include each object type's attribute definitions")], show),
	],
};
