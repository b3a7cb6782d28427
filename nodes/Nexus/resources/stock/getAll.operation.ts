import { filtersProperty, listOptionsProperty } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { listRowsRouting } from '../../shared/rowRouting';
import { STOCK_COLUMNS_HINT, warehouseFilterProperty } from './fields';
import { warehouseFilter } from './warehouseFilter';
import { returnAllAndLimit } from '../../../shared/operation';

export const getAllStock: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List stock balances per item and warehouse',
		description: 'List stock balances (quantity, reserved, available) per item and warehouse',
		routing: listRowsRouting('stock_balances', 'stock balances', {
			defaultSort: [{ column: 'last_updated', direction: 'desc' }],
			fixed() {
				return warehouseFilter(this);
			},
		}),
	},
	properties: [...returnAllAndLimit(), warehouseFilterProperty, filtersProperty(STOCK_COLUMNS_HINT), listOptionsProperty('last_updated descending')],
};
