import { recordLocator } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { getRowRouting } from '../../shared/rowRouting';
import { itemIdLocator, ITEM_ID } from './fields';

export const getItem: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an inventory item by its UUID',
		description: 'Get one inventory item by its ID (a UUID)',
		routing: getRowRouting('items', 'inventory item', ITEM_ID),
	},
	properties: [recordLocator(itemIdLocator)],
};
