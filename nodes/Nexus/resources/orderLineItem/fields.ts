import type { INodeProperties } from 'n8n-workflow';

export const LINE_ITEM_ID = { parameter: 'lineItemId', label: 'Line Item ID' };

/** Shown on every line item write: Nexus does not recompute the order's total, the workflow must. */
export const totalNotice: INodeProperties = {
	displayName:
		"The order's total_amount is not recomputed: update it with Order → Update (Total Amount) when it should follow the line items",
	name: 'totalNotice',
	type: 'notice',
	default: '',
};

export const lineItemIdProperty: INodeProperties = {
	displayName: 'Line Item ID',
	name: LINE_ITEM_ID.parameter,
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c',
	description: 'ID (a UUID) of the order_items row, e.g. from Order → Get with Include Line Items',
};
