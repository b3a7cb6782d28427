import { NodeOperationError } from 'n8n-workflow';

import { recordLocator } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { parameterText } from '../../../shared/parameters';
import { updateRowRouting } from '../../shared/rowRouting';
import { orderIdLocator, orderStatusProperty, ORDER_ID } from './fields';

export const updateOrderStatus: Operation = {
	option: {
		name: 'Update Status',
		value: 'updateStatus',
		action: 'Set the status of an order',
		description: 'Set the order_status of an order (pending, confirmed, fulfilling, shipped, delivered, cancelled, or any other value)',
		routing: updateRowRouting('orders', 'order', ORDER_ID, function () {
			const status = parameterText(this, 'orderStatus');
			if (status === '') {
				throw new NodeOperationError(this.getNode(), 'Order Status is empty', {
					description: 'Choose the new status, or give it with an expression.',
				});
			}
			return { order_status: status };
		}),
	},
	properties: [recordLocator(orderIdLocator), { ...orderStatusProperty('orderStatus'), required: true }],
};
