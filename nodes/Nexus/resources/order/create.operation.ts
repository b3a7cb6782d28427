import type { IDataObject } from 'n8n-workflow';

import { organizationId } from '../../shared/organization';
import type { Operation } from '../../../shared/operation';
import { parameterText } from '../../../shared/parameters';
import { collectionFields, RETURN_REPRESENTATION, SINGLE_OBJECT } from '../../shared/rowRouting';
import { attempt, restateError } from '../../shared/steps';
import { nexusApiRequest, nexusExecutor } from '../../shared/transport';
import { checkCustomerId, orderFieldOptions, orderStatusProperty } from './fields';
import { lineItemsProperty, lineItemsTotal, readLineItems } from './lineItems';
import { additionalFieldsCollection } from '../../../shared/collections';

export const createOrder: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an order with its line items',
		description: 'Create an order with its line items in one step',
		routing: nexusExecutor.programmatic({
				safeToRepeat: false,
				writes: true,
				what: 'order',
				async run() {
					const order = collectionFields(this, 'additionalFields');
					checkCustomerId(this, order);
					const status = parameterText(this, 'orderStatus');
					order.order_status = status === '' ? 'pending' : status;
					const lines = readLineItems(this);
					if (order.total_amount === undefined) {
						const total = lineItemsTotal(lines);
						if (total !== undefined) order.total_amount = total;
					}
					order.organization_id = await organizationId(this);
					const created = await nexusApiRequest.call(
						this,
						'POST',
						'/rest/v1/orders',
						{ safeToRepeat: false, writes: true, what: 'order' },
						{ body: order, headers: { Prefer: RETURN_REPRESENTATION, Accept: SINGLE_OBJECT } },
					);
					const row = created.body as IDataObject;
					if (lines.length === 0) return [{ ...row, order_items: [] }];
					const orderId = String(row.id);
					const inserted = await attempt(
						async () =>
							await nexusApiRequest.call(
								this,
								'POST',
								'/rest/v1/order_items',
								{ safeToRepeat: false, writes: true, what: 'order items' },
								{ body: lines.map((line) => ({ order_id: orderId, ...line })), headers: { Prefer: RETURN_REPRESENTATION } },
							),
					);
					if (inserted.ok) {
						return [{ ...row, order_items: (inserted.value.body ?? []) as IDataObject[] }];
					}
					// Undo the order so a failed create leaves nothing half-made behind.
					const removed = await attempt(
						async () =>
							await nexusApiRequest.call(
								this,
								'DELETE',
								'/rest/v1/orders',
								{ safeToRepeat: true, writes: true, what: 'order' },
								{ qs: { id: `eq.${orderId}` } },
							),
					);
					throw restateError(
						this.getNode(),
						inserted.failure,
						(message) => `The order's line items were rejected: ${message}`,
						removed.ok
							? 'Nothing was saved: the order created a moment before was deleted again.'
							: `The order ${String(row.order_number ?? orderId)} (id ${orderId}) was created WITHOUT its line items and could not be deleted again: delete it or add its items.`,
					);
				},
		}),
	},
	properties: [
		orderStatusProperty('orderStatus', 'Order Status (Default: Pending)'),
		lineItemsProperty,
		additionalFieldsCollection(orderFieldOptions('create')),
	],
};
