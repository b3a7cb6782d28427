import type { Operation } from '../../../shared/operation';
import { requireText } from '../../../shared/parameters';
import { collectionFields, createRowRouting } from '../../shared/rowRouting';
import { warehouseFieldOptions } from './fields';

export const createWarehouse: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a warehouse',
		description: 'Create a warehouse',
		routing: createRowRouting('warehouses', 'warehouse', function () {
			return { name: requireText(this, 'name', 'Name').trim(), ...collectionFields(this, 'additionalFields') };
		}),
	},
	properties: [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
		{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: warehouseFieldOptions(false) },
	],
};
