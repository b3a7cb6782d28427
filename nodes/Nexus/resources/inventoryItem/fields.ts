import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

export const itemIdLocator = { name: 'itemId', displayName: 'Inventory Item', searchMethod: 'searchItems', what: 'inventory item' };

export const ITEM_ID = { parameter: 'itemId', label: 'Inventory Item ID' };

export const ITEM_SIMPLE_COLUMNS = ['id', 'name', 'description', 'item_no', 'sku', 'barcode', 'category', 'unit', 'selling_price', 'min_stock_level', 'is_active'];

/**
 * With Simplify on and no Fields chosen, the main columns the database has: items may lack
 * `name` (then `description` and `item_no` name the item), so they are picked from the rows read.
 */
export function simplifyItems(this: IExecuteSingleFunctions, items: IDataObject[]): IDataObject[] {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	if (!this.getNodeParameter('simplify', true) || String(options.select ?? '').trim() !== '') return items;
	return items.map((item) => Object.fromEntries(ITEM_SIMPLE_COLUMNS.filter((column) => column in item).map((column) => [column, item[column]])));
}

export const ITEM_COLUMNS_HINT =
	'id, name, description, item_no, sku, barcode, category, unit, cost_price, selling_price, min_stock_level, is_active, created_at, updated_at';

export function itemFieldOptions(includeName: boolean): INodeProperties[] {
	const options: INodeProperties[] = [
		{ displayName: 'Barcode', name: 'barcode', type: 'string', default: '' },
		{ displayName: 'Category', name: 'category', type: 'string', default: '' },
		{ displayName: 'Cost Price', name: 'cost_price', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		{ displayName: 'Is Active', name: 'is_active', type: 'boolean', default: true, description: 'Whether the item is active (sold and stocked)' },
		{ displayName: 'Item No', name: 'item_no', type: 'string', default: '', description: 'Primary SKU-like identifier used for fulfilment' },
		{ displayName: 'Min Stock Level', name: 'min_stock_level', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
		{ displayName: 'Selling Price', name: 'selling_price', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
		{ displayName: 'SKU', name: 'sku', type: 'string', default: '' },
		{ displayName: 'Unit', name: 'unit', type: 'string', default: '', placeholder: 'e.g. pcs' },
	];
	if (includeName) options.push({ displayName: 'Name', name: 'name', type: 'string', default: '' });
	return options.sort((a, b) => a.displayName.localeCompare(b.displayName));
}
