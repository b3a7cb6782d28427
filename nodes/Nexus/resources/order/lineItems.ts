import type { IDataObject, IExecuteSingleFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checkUuid } from '../../shared/uuid';
import { quoteValue } from '../../../shared/quote';

export const QUANTITY_FIELD: INodeProperties = { displayName: 'Quantity', name: 'qty', type: 'number', typeOptions: { minValue: 1 }, default: 1 };

/** The fields of one line item (a row of order_items): item, name, SKU, barcode, quantity (qty), unit price. */
export const LINE_ITEM_FIELDS: INodeProperties[] = [
	{ displayName: 'Barcode', name: 'barcode', type: 'string', default: '' },
	{
		displayName: 'Inventory Item Name or ID',
		name: 'itemId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getItems' },
		default: '',
		description:
			'Inventory item this line is for (optional; used for picking and stock). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Product name' },
	QUANTITY_FIELD,
	{ displayName: 'SKU', name: 'sku', type: 'string', default: '' },
	{ displayName: 'Unit Price', name: 'unitPrice', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
];

/** Line items of an order (rows of order_items). */
export const lineItemsProperty: INodeProperties = {
	displayName: 'Line Items',
	name: 'lineItems',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Line Item',
	default: {},
	description: 'Products of the order, saved as order_items rows together with the order',
	options: [{ displayName: 'Line Item', name: 'item', values: LINE_ITEM_FIELDS }],
};

/** order_items rows (without order_id) from the Line Items parameter, checked before anything is sent. */
export function readLineItems(context: IExecuteSingleFunctions): IDataObject[] {
	const raw = context.getNodeParameter('lineItems', {}) as { item?: IDataObject[] };
	return (raw.item ?? []).map((line, index) => readLineItem(context.getNode(), line, `Line Items: line ${index + 1}: `));
}

/** One order_items row (without order_id) from the fields of one line; error messages start with `position`. */
export function readLineItem(node: INode, line: IDataObject, position = ''): IDataObject {
	const row: IDataObject = { qty: checkQuantity(node, line.qty, `${position}Quantity`) };
	const itemId = String(line.itemId ?? '').trim();
	if (itemId !== '') row.item_id = checkUuid(node, itemId, `${position}Inventory Item`);
	for (const key of ['name', 'sku', 'barcode'] as const) {
		const value = String(line[key] ?? '').trim();
		if (value !== '') row[key] = value;
	}
	if (!row.item_id && !row.name && !row.sku) {
		throw new NodeOperationError(node, `${position}Give an Inventory Item, a Name or a SKU`);
	}
	const unitPrice = line.unitPrice;
	if (unitPrice !== undefined && unitPrice !== '' && unitPrice !== null) {
		const price = Number(unitPrice);
		if (!Number.isFinite(price) || price < 0) {
			throw new NodeOperationError(node, `${position}Unit Price must be a number of at least 0`);
		}
		row.unit_price = price;
	}
	return row;
}

/** A quantity (qty): a whole number of at least 1, or an error naming `label`. */
export function checkQuantity(node: INode, value: unknown, label: string): number {
	const qty = Number(value);
	if (!Number.isInteger(qty) || qty < 1 || value === '' || value === null || typeof value === 'boolean') {
		throw new NodeOperationError(node, `${label} must be a whole number of at least 1`, {
			description: `${label.replace(/^.*: /, '')} is ${quoteValue(String(value))}.`,
		});
	}
	return qty;
}

/** Σ qty × unit price, in cents to avoid float drift; undefined when a line has no price. */
export function lineItemsTotal(lines: IDataObject[]): number | undefined {
	if (lines.length === 0 || lines.some((line) => line.unit_price === undefined)) return undefined;
	const cents = lines.reduce((sum, line) => sum + Math.round(Number(line.unit_price) * 100) * Number(line.qty), 0);
	return cents / 100;
}
