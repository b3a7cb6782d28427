import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { collectionFields, updateRowRouting } from '../../shared/rowRouting';
import { warehouseFieldOptions, warehouseIdProperty, WAREHOUSE_ID } from './fields';

export const updateWarehouse: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a warehouse',
		description: 'Change the name, location or active flag of a warehouse',
		routing: updateRowRouting('warehouses', 'warehouse', WAREHOUSE_ID, function () {
			const row = collectionFields(this, 'updateFields');
			// name is required in warehouses: an empty one would be refused by Nexus anyway.
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
