import { nexRouting } from '../../shared/transport';
import { type Operation, showFor } from '../../../shared/operation';
import { assertNameAndSlug, descriptionAndPluralName, nameAndSlugFields } from '../../shared/nameAndSlug';
import { additionalFieldsCollection } from '../../../shared/collections';

const show = showFor('object', 'create');

export const objectCreate: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an object type (schema)',
		description: 'Create a new object type (schema), e.g. "Project"; it starts with a required Name attribute',
		routing: nexRouting(
			{ method: 'POST', url: '/v1/objects' },
			{
				scope: 'object.write',
				safeToRepeat: false,
				validate: assertNameAndSlug,
			},
		),
	},
	properties: [
		...nameAndSlugFields(
			{ placeholder: 'e.g. Project', description: 'Display name of the object type (singular)' },
			{ placeholder: 'e.g. project', description: 'URL-safe identifier used in paths, e.g. /v1/objects/project; lower-case letters, digits, "-" and "_"' },
		),
		additionalFieldsCollection([
			...descriptionAndPluralName('What the object type holds', 'Display name for several records', 'e.g. Projects'),
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				default: 'custom',
				description: 'Kind of object type; Nex uses "custom" when omitted',
				options: [
					{ name: 'Company', value: 'company' },
					{ name: 'Custom', value: 'custom' },
					{ name: 'Deal', value: 'deal' },
					{ name: 'Person', value: 'person' },
				],
				routing: { send: { type: 'body', property: 'type' } },
			},
		], show),
	],
};
