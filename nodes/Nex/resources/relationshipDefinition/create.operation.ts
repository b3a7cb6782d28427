import { nexRouting } from '../../shared/transport';
import { objectDefinitionIdLocator } from './definitionLocator';
import { type Operation, showFor } from '../../../shared/operation';
import { assertFilled } from '../../../shared/parameters';
import { additionalFieldsCollection } from '../../../shared/collections';

const show = showFor('relationshipDefinition', 'create');

export const relationshipDefinitionCreate: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a relationship definition between two object types',
		description: 'Define a kind of link between two object types, e.g. company "employs" person',
		routing: nexRouting(
			{ method: 'POST', url: '/v1/relationships' },
			{
				scope: 'relationship.write',
				safeToRepeat: false,
				validate: [function () {
					assertFilled(this, [
						{ parameter: 'firstObjectType', label: 'First Object Type' },
						{ parameter: 'secondObjectType', label: 'Second Object Type' },
					]);
				}],
			},
		),
	},
	properties: [
		{
			displayName: 'Cardinality',
			name: 'cardinality',
			type: 'options',
			required: true,
			default: 'one_to_many',
			displayOptions: { show },
			description: 'How many records of each side a record may be linked to',
			options: [
				{ name: 'Many to Many', value: 'many_to_many' },
				{ name: 'One to Many', value: 'one_to_many', description: 'A first-side record links to many second-side records' },
				{ name: 'One to One', value: 'one_to_one' },
			],
			routing: { send: { type: 'body', property: 'type' } },
		},
		{
			...objectDefinitionIdLocator(show, 'firstObjectType', 'First Object Type', 'Object type on the first side of the link'),
			routing: { send: { type: 'body', property: 'entity_definition_1_id', value: '={{ String($value).trim() }}' } },
		},
		{
			...objectDefinitionIdLocator(show, 'secondObjectType', 'Second Object Type', 'Object type on the second side of the link'),
			routing: { send: { type: 'body', property: 'entity_definition_2_id', value: '={{ String($value).trim() }}' } },
		},
		additionalFieldsCollection([
			{
				displayName: 'First to Second Label',
				name: 'firstToSecondPredicate',
				type: 'string',
				default: '',
				placeholder: 'e.g. employs',
				description: 'How the link reads from the first side to the second',
				routing: { send: { type: 'body', property: 'entity_1_to_2_predicate' } },
			},
			{
				displayName: 'Second to First Label',
				name: 'secondToFirstPredicate',
				type: 'string',
				default: '',
				placeholder: 'e.g. works at',
				description: 'How the link reads from the second side to the first',
				routing: { send: { type: 'body', property: 'entity_2_to_1_predicate' } },
			},
		], show),
	],
};
