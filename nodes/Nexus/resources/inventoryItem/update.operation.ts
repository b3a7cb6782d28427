import { recordLocator } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { collectionFields, updateRowRouting } from '../../shared/rowRouting';
import { itemFieldOptions, itemIdLocator, ITEM_ID } from './fields';
import { updateFieldsCollection } from '../../../shared/collections';

export const updateItem: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update an inventory item by its UUID',
		description: 'Change fields of an inventory item',
		routing: updateRowRouting('items', 'inventory item', ITEM_ID, function () {
			return collectionFields(this, 'updateFields');
		}),
	},
	properties: [
		recordLocator(itemIdLocator),
		updateFieldsCollection(itemFieldOptions(true)),
	],
};
