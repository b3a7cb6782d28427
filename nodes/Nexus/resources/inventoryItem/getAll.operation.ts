import { activeOnlyFilter, activeOnlyProperty } from '../../shared/activeOnly';
import { filtersProperty, listOptionsProperty, simplifyProperty } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { listRowsRouting } from '../../shared/rowRouting';
import { ITEM_COLUMNS_HINT, simplifyItems } from './fields';
import { returnAllAndLimit } from '../../../shared/operation';

export const getAllItems: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List inventory items, most recently updated first',
		description: 'List inventory items (products), most recently updated first',
		// Simplified here, not by select: the main columns differ between databases (name may be absent).
		routing: listRowsRouting('items', 'inventory items', {
			transform: simplifyItems,
			defaultSort: [{ column: 'updated_at', direction: 'desc' }],
			fixed: activeOnlyFilter,
		}),
	},
	properties: [
		...returnAllAndLimit(),
		activeOnlyProperty('items'),
		filtersProperty(ITEM_COLUMNS_HINT),
		simplifyProperty('item'),
		listOptionsProperty('updated_at descending'),
	],
};
