import { nexRouting } from '../../shared/transport';
import { OBJECT_TYPE_PATH_ID, objectTypeLocator } from '../object/objectTypeLocator';
import {
	ATTRIBUTE_PATH,
	ATTRIBUTE_PATH_ID,
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
		routing: nexRouting(
			{ method: 'PATCH', url: ATTRIBUTE_PATH },
			{
				scope: 'object.write',
				notFound: 'object type or attribute',
				safeToRepeat: true,
				pathIds: [OBJECT_TYPE_PATH_ID, ATTRIBUTE_PATH_ID],
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
