import type { Operation } from '../../../shared/operation';
import { deleteRowRouting } from '../../shared/rowRouting';
import { lineItemIdProperty, LINE_ITEM_ID, TOTAL_NOT_RECOMPUTED } from './fields';

export const removeLineItem: Operation = {
	option: {
		name: 'Remove',
		value: 'remove',
		action: 'Remove a line item from an order',
		description: `Delete one line item (order_items row) of an order; outputs the removed line. ${TOTAL_NOT_RECOMPUTED}`,
		routing: deleteRowRouting('order_items', 'order line item', LINE_ITEM_ID),
	},
	properties: [lineItemIdProperty],
};
