import type { IDataObject } from 'n8n-workflow';

import { recordLocator } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { createRowRouting } from '../../shared/rowRouting';
import { readUuid } from '../../shared/uuid';
import { orderIdLocator, ORDER_ID } from '../order/fields';
import { LINE_ITEM_FIELDS, QUANTITY_FIELD, readLineItem } from '../order/lineItems';
import { totalNotice } from './fields';

export const addLineItem: Operation = {
	option: {
		name: 'Add',
		value: 'add',
		action: 'Add a line item to an order',
		description: 'Add a line item (order_items row) to an existing order; the order total is not recomputed',
		// order_items rows take their organization from their order (the reference's insert has none).
		routing: createRowRouting(
			'order_items',
			'order line item',
			function () {
				const orderId = readUuid(this, ORDER_ID.parameter, ORDER_ID.label);
				const line: IDataObject = { ...(this.getNodeParameter('lineItemFields', {}) as IDataObject), qty: this.getNodeParameter('qty', 1) };
				return { order_id: orderId, ...readLineItem(this.getNode(), line) };
			},
			{ withOrganization: false },
		),
	},
	properties: [
		recordLocator(orderIdLocator),
		totalNotice,
		{ ...QUANTITY_FIELD, required: true, description: 'How many (qty)' },
		{
			displayName: 'Line Item Fields',
			name: 'lineItemFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Give at least an Inventory Item, a Name or a SKU',
			options: LINE_ITEM_FIELDS.filter((field) => field !== QUANTITY_FIELD),
		},
	],
};
