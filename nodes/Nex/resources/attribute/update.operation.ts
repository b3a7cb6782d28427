import { targetRouting } from '../../shared/pathTarget';
import { objectTypeLocator } from '../object/objectTypeLocator';
import {
	ATTRIBUTE_TARGET,
	attributeLocator,
	attributeOptionsPreSend,
	updateAttributeFields,
} from './attributeFields';
import { type Operation, showFor } from '../../../shared/operation';
import { updateFieldsCollection } from '../../../shared/collections';
import { readUpdateFields } from '../../../shared/parameters';

const show = showFor('attribute', 'update');

export const attributeUpdate: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update an attribute of an object type',
		description: 'Change the name, description, flags or select choices of an attribute definition',
		routing: targetRouting(
			ATTRIBUTE_TARGET,
			'PATCH',
			{
				scope: 'object.write',
				safeToRepeat: true,
				validate() {
					readUpdateFields(this, 'Add at least one field to change.');
				},
			},
			{ preSend: [attributeOptionsPreSend('updateFields')] },
		),
	},
	properties: [
		objectTypeLocator(show, 'The object type the attribute belongs to'),
		attributeLocator(show),
		updateFieldsCollection(updateAttributeFields, show),
	],
};
