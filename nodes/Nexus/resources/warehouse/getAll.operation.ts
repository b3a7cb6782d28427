import { activeOnlyFilter, activeOnlyProperty } from '../../shared/activeOnly';
import { filtersProperty, listOptionsProperty, returnAllProperties } from '../../shared/fields';
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
			fixed: activeOnlyFilter,
		}),
	},
	properties: [
		...returnAllProperties(),
		activeOnlyProperty('warehouses'),
		filtersProperty('id, name, location, is_active'),
		listOptionsProperty('name ascending'),
	],
};
