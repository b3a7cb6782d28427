import { nexRouting } from '../../shared/transport';
import { type Operation, returnAllAndLimit } from '../../../shared/operation';

export const relationshipDefinitionGetAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List the kinds of links defined between object types',
		description: 'List the kinds of links defined between object types',
		routing: nexRouting(
			{ method: 'GET', url: '/v1/relationships' },
			{ scope: 'relationship.read', safeToRepeat: true, items: 'data', limit: {} },
		),
	},
	properties: [...returnAllAndLimit()],
};
