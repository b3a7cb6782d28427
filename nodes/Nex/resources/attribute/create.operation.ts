import { nexRouting } from '../../shared/transport';
import { OBJECT_TYPE_PATH_ID, objectTypeLocator } from '../object/objectTypeLocator';
import { ATTRIBUTE_TYPES, attributeOptionsPreSend, createAttributeOptionalFields } from './attributeFields';
import { type Operation, showFor } from '../../../shared/operation';
import { assertNameAndSlug, nameAndSlugFields } from '../../shared/nameAndSlug';
import { additionalFieldsCollection } from '../../../shared/collections';

const show = showFor('attribute', 'create');

export const attributeCreate: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Add an attribute (field) to an object type',
		description: 'Add an attribute definition (a field) to an object type',
		routing: nexRouting(
			{ method: 'POST', url: '/v1/objects/{objectType}/attributes' },
			{
				scope: 'object.write',
				notFound: 'object type',
				safeToRepeat: false,
				pathIds: [OBJECT_TYPE_PATH_ID],
				validate: assertNameAndSlug,
			},
			{ preSend: [attributeOptionsPreSend('additionalFields')] },
		),
	},
	properties: [
		objectTypeLocator(show, 'The object type to add the attribute to'),
		...nameAndSlugFields(
			{ placeholder: 'e.g. Status', description: 'Display name of the attribute' },
			{ placeholder: 'e.g. status', description: 'Key of the attribute in record attributes; lower-case letters, digits, "-" and "_"' },
		),
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			required: true,
			default: 'text',
			description: 'Type of the values the attribute holds',
			options: ATTRIBUTE_TYPES,
			displayOptions: { show },
			routing: { send: { type: 'body', property: 'type' } },
		},
		additionalFieldsCollection(createAttributeOptionalFields, show),
	],
};
