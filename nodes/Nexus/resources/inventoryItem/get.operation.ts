import { recordLocator } from '../../shared/fields';
import { getRowRouting, type NexusOperation } from '../../shared/rows';
import { itemIdLocator, ITEM_ID } from './fields';

export const getItem: NexusOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an inventory item',
		description: 'Get one inventory item by ID',
		routing: getRowRouting('items', 'inventory item', ITEM_ID),
	},
	properties: [recordLocator(itemIdLocator)],
};
