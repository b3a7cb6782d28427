import { activeOnlyFilter, activeOnlyProperty } from '../../shared/activeOnly';
import { filtersProperty, listOptionsProperty } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { listRowsRouting } from '../../shared/rowRouting';
import { returnAllAndLimit } from '../../../shared/operation';

export const getAllWarehouses: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List warehouses by name',
		description: 'List warehouses by name',
		routing: listRowsRouting('warehouses', 'warehouses', {
			defaultSort: [{ column: 'name', direction: 'asc' }],
			fixed: activeOnlyFilter,
		}),
	},
	properties: [
		...returnAllAndLimit(),
		activeOnlyProperty('warehouses'),
		filtersProperty('id, name, location, is_active'),
		listOptionsProperty('name ascending'),
	],
};
