import type { IDataObject } from 'n8n-workflow';

import { recordLocator } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { RETURN_REPRESENTATION, SINGLE_OBJECT } from '../../shared/rowRouting';
import { attempt, restateError } from '../../shared/steps';
import { nexusApiRequest, nexusExecutor } from '../../shared/transport';
import { readUuid } from '../../shared/uuid';
import { orderIdLocator, ORDER_ID } from './fields';

export const deleteOrder: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete an order and its line items permanently',
		description: 'Delete the line items of an order (order_items), then the order; outputs the deleted order with its items',
		// The reference documents no cascade from orders to order_items: the items are deleted first.
		routing: nexusExecutor.programmatic({
			safeToRepeat: false,
			writes: true,
			deletes: true,
			what: 'order',
			idParameter: ORDER_ID.parameter,
			async run() {
				const orderId = readUuid(this, ORDER_ID.parameter, ORDER_ID.label);
				const items = await nexusApiRequest.call(
					this,
					'DELETE',
					'/rest/v1/order_items',
					{ safeToRepeat: false, writes: true, deletes: true, what: 'order items' },
					{ qs: { order_id: `eq.${orderId}` }, headers: { Prefer: RETURN_REPRESENTATION } },
				);
				const deletedItems = (Array.isArray(items.body) ? items.body : []) as IDataObject[];
				const order = await attempt(
					async () =>
						await nexusApiRequest.call(
							this,
							'DELETE',
							'/rest/v1/orders',
							{ safeToRepeat: false, writes: true, deletes: true, what: 'order', idParameter: ORDER_ID.parameter },
							{ qs: { id: `eq.${orderId}` }, headers: { Prefer: RETURN_REPRESENTATION, Accept: SINGLE_OBJECT } },
						),
				);
				if (order.ok) return [{ ...(order.value.body as IDataObject), order_items: deletedItems }];
				throw restateError(
					this.getNode(),
					order.failure,
					(message) => message,
					deletedItems.length === 0
						? ''
						: `The order's ${deletedItems.length} line item(s) were deleted, the order was not: delete it again, or add its items back with Order Line Item → Add.`,
				);
			},
		}),
	},
	properties: [recordLocator(orderIdLocator)],
};
