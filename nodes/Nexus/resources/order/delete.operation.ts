import { recordLocator } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { deleteRowRouting } from '../../shared/rowRouting';
import { orderIdLocator, ORDER_ID } from './fields';

export const deleteOrder: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete an order and its line items permanently',
		description: 'Delete an order and its line items; outputs the deleted order',
		routing: deleteRowRouting('orders', 'order', ORDER_ID),
	},
	properties: [recordLocator(orderIdLocator)],
};
