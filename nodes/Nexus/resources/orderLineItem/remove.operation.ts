import type { Operation } from '../../../shared/operation';
import { deleteRowRouting } from '../../shared/rowRouting';
import { lineItemIdProperty, LINE_ITEM_ID, totalNotice } from './fields';

export const removeLineItem: Operation = {
	option: {
		name: 'Remove',
		value: 'remove',
		action: 'Remove a line item from an order',
		description: 'Delete one line item (order_items row) of an order and output it; the order total is not recomputed',
		routing: deleteRowRouting('order_items', 'order line item', LINE_ITEM_ID),
	},
	properties: [lineItemIdProperty, totalNotice],
};
