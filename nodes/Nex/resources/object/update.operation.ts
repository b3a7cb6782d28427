import { nexRouting } from '../../shared/transport';
import { OBJECT_PATH, OBJECT_TYPE_PATH_ID, objectTypeLocator } from './objectTypeLocator';
import { type Operation, showFor } from '../../../shared/operation';
import { updateFieldsCollection } from '../../../shared/collections';
import { readUpdateFields } from '../../../shared/parameters';
import { bodyText } from '../../../shared/bodyFields';

const show = showFor('object', 'update');

export const objectUpdate: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Rename or describe an object type',
		description: 'Change the name, plural name or description of an object type',
		routing: nexRouting(
			{ method: 'PATCH', url: OBJECT_PATH },
			{
				scope: 'object.write',
				notFound: 'object type',
				safeToRepeat: true,
				pathIds: [OBJECT_TYPE_PATH_ID],
				validate() {
					readUpdateFields(this, 'Add at least one field to change (Name, Plural Name or Description).');
				},
			},
		),
	},
	properties: [
		objectTypeLocator(show),
		updateFieldsCollection([
			bodyText('Description', 'description', 'New description'),
			bodyText('Name', 'name', 'New display name (singular)'),
			bodyText('Plural Name', 'namePlural', 'New display name for several records', { property: 'name_plural' }),
		], show),
	],
};
