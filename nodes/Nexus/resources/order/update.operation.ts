import { recordLocator } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { collectionFields, updateRowRouting } from '../../shared/rowRouting';
import { checkCustomerId, orderFieldOptions, orderIdLocator, ORDER_ID } from './fields';
import { updateFieldsCollection } from '../../../shared/collections';

export const updateOrder: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update an order by its UUID',
		description: 'Change fields of an order',
		routing: updateRowRouting('orders', 'order', ORDER_ID, function () {
			const row = collectionFields(this, 'updateFields');
			checkCustomerId(this, row);
			return row;
		}),
	},
	properties: [
		recordLocator(orderIdLocator),
		updateFieldsCollection(orderFieldOptions('update')),
	],
};
