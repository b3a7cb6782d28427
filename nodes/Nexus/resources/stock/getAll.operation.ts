import { filtersProperty, listOptionsProperty, returnAllProperties } from '../../shared/fields';
import type { NexusOperation } from '../../shared/operation';
import { listRowsRouting } from '../../shared/rowRouting';
import { STOCK_COLUMNS_HINT, warehouseFilterProperty } from './fields';
import { warehouseFilter } from './warehouseFilter';

export const getAllStock: NexusOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many stock balances',
		description: 'List stock balances (quantity, reserved, available) per item and warehouse',
		routing: listRowsRouting('stock_balances', 'stock balances', {
			defaultSort: [{ column: 'last_updated', direction: 'desc' }],
			fixed() {
				return warehouseFilter(this);
			},
		}),
	},
	properties: [...returnAllProperties(), warehouseFilterProperty, filtersProperty(STOCK_COLUMNS_HINT), listOptionsProperty('last_updated descending')],
};
