import { filtersProperty, listOptionsProperty, returnAllProperties } from '../../shared/fields';
import type { QueryPairs } from '../../shared/postgrest';
import type { NexusOperation } from '../../shared/operation';
import { listRowsRouting } from '../../shared/rowRouting';

export const getAllWarehouses: NexusOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many warehouses',
		description: 'List warehouses by name',
		routing: listRowsRouting('warehouses', 'warehouses', {
			defaultSort: [{ column: 'name', direction: 'asc' }],
			fixed() {
				const pairs: QueryPairs = [];
				if (this.getNodeParameter('activeOnly', true)) pairs.push(['is_active', 'eq.true']);
				return pairs;
			},
		}),
	},
	properties: [
		...returnAllProperties(),
		{
			displayName: 'Active Only',
			name: 'activeOnly',
			type: 'boolean',
			default: true,
			description: 'Whether to return only active warehouses (is_active = true)',
		},
		filtersProperty('id, name, location, is_active'),
		listOptionsProperty('name ascending'),
	],
};
