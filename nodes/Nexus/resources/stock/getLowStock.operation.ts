import { NodeOperationError } from 'n8n-workflow';

import { filtersProperty, listOptionsProperty } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { listRowsRouting } from '../../shared/rowRouting';
import { STOCK_COLUMNS_HINT, warehouseFilterProperty } from './fields';
import { warehouseFilter } from './warehouseFilter';
import { quoteValue } from '../../../shared/quote';
import { returnAllAndLimit } from '../../../shared/operation';

export const getLowStock: Operation = {
	option: {
		name: 'Get Low Stock',
		value: 'getLowStock',
		action: 'List stock balances below a threshold, lowest first',
		description: 'List stock balances whose available quantity is below a threshold, lowest first',
		routing: listRowsRouting('stock_balances', 'stock balances', {
			defaultSort: [{ column: 'available_quantity', direction: 'asc' }],
			fixed() {
				const threshold = this.getNodeParameter('threshold', 10) as number;
				if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
					throw new NodeOperationError(this.getNode(), `Threshold ${quoteValue(String(threshold))} is not a number`);
				}
				return [['available_quantity', `lt.${threshold}`], ...warehouseFilter(this)];
			},
		}),
	},
	properties: [
		{
			displayName: 'Threshold',
			name: 'threshold',
			type: 'number',
			default: 10,
			description: 'Balances with an available quantity (quantity − reserved) below this number are returned',
		},
		warehouseFilterProperty,
		...returnAllAndLimit(),
		filtersProperty(STOCK_COLUMNS_HINT),
		listOptionsProperty('available_quantity ascending'),
	],
};
