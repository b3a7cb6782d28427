import { nexRouting } from '../../shared/transport';
import { OBJECT_TYPE_PATH_ID, objectTypeLocator } from '../object/objectTypeLocator';
import { type Operation, showFor } from '../../../shared/operation';
import { assertNameAndSlug, descriptionAndPluralName, nameAndSlugFields } from '../../shared/nameAndSlug';
import { additionalFieldsCollection } from '../../../shared/collections';

const show = showFor('list', 'create');

export const listCreate: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a list that holds records of one object type',
		description: 'Create a list (a segment or campaign) that holds records of one object type',
		routing: nexRouting(
			{ method: 'POST', url: '/v1/objects/{objectType}/lists' },
			{
				scope: 'object.write',
				notFound: 'object type',
				safeToRepeat: false,
				pathIds: [OBJECT_TYPE_PATH_ID],
				validate: assertNameAndSlug,
			},
		),
	},
	properties: [
		objectTypeLocator(show, 'The object type of the records the list will hold'),
		...nameAndSlugFields(
			{ placeholder: 'e.g. VIP Contacts', description: 'Display name of the list' },
			{ placeholder: 'e.g. vip-contacts', description: 'URL-safe identifier of the list; lower-case letters, digits, "-" and "_"' },
		),
		additionalFieldsCollection(descriptionAndPluralName('What the list is for', 'Display name for several entries'), show),
	],
};
