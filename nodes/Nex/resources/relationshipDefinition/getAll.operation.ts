import { nexRouting } from '../../shared/transport';
import { returnAllAndLimit, showFor, type NexOperation } from '../object/common';

export const relationshipDefinitionGetAll: NexOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many relationship definitions',
		description: 'List the kinds of links defined between object types',
		routing: nexRouting(
			{ method: 'GET', url: '/v1/relationships' },
			{ scope: 'relationship.read', safeToRepeat: true, items: 'data', localLimit: true },
		),
	},
	fields: [...returnAllAndLimit(showFor('relationshipDefinition', 'getAll'))],
};
