import { recordLocator } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { deleteRowRouting } from '../../shared/rowRouting';
import { itemIdLocator, ITEM_ID } from './fields';

export const deleteItem: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete an inventory item permanently',
		description: 'Delete an inventory item and output it; stock balances and order lines that refer to it follow the database\'s foreign keys (Nexus may refuse with 409)',
		routing: deleteRowRouting('items', 'inventory item', ITEM_ID),
	},
	properties: [recordLocator(itemIdLocator)],
};
