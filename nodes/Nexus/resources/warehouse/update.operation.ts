import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { collectionFields, updateRowRouting } from '../../shared/rowRouting';
import { warehouseFieldOptions, warehouseIdProperty, WAREHOUSE_ID } from './fields';

const choice = { name: 'Update', value: 'update', action: 'Update a warehouse', description: 'Change the name, location or active flag of a warehouse' };

export const updateWarehouse: Operation = {
	option: {
		...choice,
		// Name may be changed but not emptied (it is required in warehouses).
		routing: updateRowRouting('warehouses', 'warehouse', WAREHOUSE_ID, function () {
			const row = collectionFields(this, 'updateFields');
			if (row.name !== undefined && String(row.name).trim() === '') {
				throw new NodeOperationError(this.getNode(), 'Update Fields: Name is empty', { description: 'Give the new name, or remove the Name field.' });
			}
			return row;
		}),
	},
	properties: [
		warehouseIdProperty,
		{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: warehouseFieldOptions(true) },
	],
};
