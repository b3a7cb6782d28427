import type { INodeProperties } from 'n8n-workflow';

export const WAREHOUSE_ID = { parameter: 'warehouseId', label: 'Warehouse ID' };

export const warehouseIdProperty: INodeProperties = {
	displayName: 'Warehouse Name or ID',
	name: WAREHOUSE_ID.parameter,
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getWarehouses' },
	default: '',
	required: true,
	description:
		'The warehouse to change. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** The optional warehouses columns; Name is added where it is optional (Update). */
export function warehouseFieldOptions(includeName: boolean): INodeProperties[] {
	const options: INodeProperties[] = [
		{ displayName: 'Is Active', name: 'is_active', type: 'boolean', default: true, description: 'Whether the warehouse is in use' },
		{ displayName: 'Location', name: 'location', type: 'string', default: '', placeholder: 'e.g. Cairo, Nasr City' },
	];
	if (includeName) options.push({ displayName: 'Name', name: 'name', type: 'string', default: '' });
	return options.sort((a, b) => a.displayName.localeCompare(b.displayName));
}
