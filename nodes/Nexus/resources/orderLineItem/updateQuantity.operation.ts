import type { Operation } from '../../../shared/operation';
import { updateRowRouting } from '../../shared/rowRouting';
import { checkQuantity, QUANTITY_FIELD } from '../order/lineItems';
import { lineItemIdProperty, LINE_ITEM_ID, totalNotice } from './fields';

export const updateLineItemQuantity: Operation = {
	option: {
		name: 'Change Quantity',
		value: 'updateQuantity',
		action: 'Change the quantity of an order line item',
		description: 'Set the quantity (qty) of one line item of an order; the order total is not recomputed',
		routing: updateRowRouting('order_items', 'order line item', LINE_ITEM_ID, function () {
			return { qty: checkQuantity(this.getNode(), this.getNodeParameter('qty', 1), 'Quantity') };
		}),
	},
	properties: [
		lineItemIdProperty,
		totalNotice,
		{ ...QUANTITY_FIELD, required: true, description: 'The new quantity (qty)' },
	],
};
