import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { parameterText } from '../../../shared/parameters';
import { collectionFields, createRowRouting } from '../../shared/rowRouting';
import { itemFieldOptions } from './fields';
import { additionalFieldsCollection } from '../../../shared/collections';

export const createItem: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an inventory item (product)',
		description: 'Create an inventory item (product)',
		routing: createRowRouting('items', 'inventory item', function () {
			const name = parameterText(this, 'name');
			// Some databases have no name column: the item is then known by its description or item number.
			const row: IDataObject = { ...(name === '' ? {} : { name }), ...collectionFields(this, 'additionalFields') };
			if (!['name', 'description', 'item_no', 'sku'].some((column) => String(row[column] ?? '').trim() !== '')) {
				throw new NodeOperationError(this.getNode(), 'Name: give a Name, a Description, an Item No or a SKU', {
					description: 'Enter the name of the item, or (on databases without a name column) a Description or Item No under Additional Fields.',
				});
			}
			return row;
		}),
	},
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'Leave empty on Nexus databases without a name column, and give a Description or Item No instead',
		},
		additionalFieldsCollection(itemFieldOptions(false)),
	],
};
