import type { IDataObject } from 'n8n-workflow';

import { recordLocator } from '../../shared/fields';
import { fetchAllRows } from '../../shared/fetchAllRows';
import type { Operation } from '../../../shared/operation';
import { readUuid } from '../../shared/uuid';
import { itemIdLocator, ITEM_ID } from '../inventoryItem/fields';
import { nexusExecutor } from '../../shared/transport';

function sum(rows: IDataObject[], column: string): number {
	return rows.reduce((total, row) => total + (Number(row[column]) || 0), 0);
}

export const checkItemStock: Operation = {
	option: {
		name: 'Check Item Stock',
		value: 'checkItem',
		action: 'Get the stock of an item in each warehouse',
		description: 'Total quantity, reserved and available stock of one item, with its balance in each warehouse',
		routing: nexusExecutor.programmatic({
				safeToRepeat: true,
				what: 'stock balances',
				async run() {
					const itemId = readUuid(this, ITEM_ID.parameter, ITEM_ID.label);
					const balances = await fetchAllRows(this, 'stock_balances', [
						['item_id', `eq.${itemId}`],
						['order', 'warehouse_id.asc'],
					]);
					return [
						{
							item_id: itemId,
							quantity: sum(balances, 'quantity'),
							reserved_quantity: sum(balances, 'reserved_quantity'),
							available_quantity: sum(balances, 'available_quantity'),
							in_stock: sum(balances, 'available_quantity') > 0,
							warehouses: balances,
						},
					];
				},
		}),
	},
	properties: [recordLocator(itemIdLocator)],
};
