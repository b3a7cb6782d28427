import type { INodeProperties } from 'n8n-workflow';

export const STOCK_COLUMNS_HINT = 'id, item_id, warehouse_id, quantity, reserved_quantity, available_quantity, last_updated';

export const warehouseFilterProperty: INodeProperties = {
	displayName: 'Warehouse Name or ID',
	name: 'warehouseId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getWarehouses' },
	default: '',
	description:
		'Only stock in this warehouse (empty: every warehouse). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

