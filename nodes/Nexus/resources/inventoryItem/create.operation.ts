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
			if (name === '') {
				throw new NodeOperationError(this.getNode(), 'Name is empty', { description: 'Enter the name of the item.' });
			}
			return { name, ...collectionFields(this, 'additionalFields') };
		}),
	},
	properties: [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
		additionalFieldsCollection(itemFieldOptions(false)),
	],
};
