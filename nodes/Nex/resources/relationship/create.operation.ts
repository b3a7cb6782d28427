import { nexRouting } from '../../shared/transport';
import { recordLocator } from '../record/recordLocator';
import { relationshipDefinitionLocator } from '../relationshipDefinition/definitionLocator';
import { assertIntegerIds } from '../../../shared/ids';
import { type Operation, showFor } from '../../../shared/operation';
import { assertFilled } from '../../../shared/parameters';

const show = showFor('relationship', 'create');

const FIRST = { parameter: 'firstRecordId', label: 'First Record' };
const SECOND = { parameter: 'secondRecordId', label: 'Second Record' };

export const relationshipCreate: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Link two records with a relationship',
		description: 'Link two records with a relationship definition (the first record is of its first object type)',
		routing: nexRouting(
			// The API takes the link under one of its two records; the first one is used.
			{ method: 'POST', url: '/v1/records/{firstRecordId}/relationships' },
			{
				scope: 'relationship.write',
				notFound: 'record or relationship definition',
				safeToRepeat: false,
				pathIds: [FIRST],
				validate: [function () {
					assertFilled(this, [SECOND, { parameter: 'definitionId', label: 'Relationship Definition' }]);
					assertIntegerIds(this, [FIRST, SECOND]);
				}],
			},
		),
	},
	properties: [
		{
			...relationshipDefinitionLocator(show, { description: 'The kind of link to create' }),
			routing: { send: { type: 'body', property: 'definition_id', value: '={{ String($value).trim() }}' } },
		},
		{
			...recordLocator(show, {
				name: 'firstRecordId',
				displayName: 'First Record',
				description: "Record on the first side of the link (of the definition's first object type)",
			}),
			routing: { send: { type: 'body', property: 'entity_1_id', value: '={{ String($value).trim() }}' } },
		},
		{
			...recordLocator(show, {
				name: 'secondRecordId',
				displayName: 'Second Record',
				description: "Record on the second side of the link (of the definition's second object type)",
			}),
			routing: { send: { type: 'body', property: 'entity_2_id', value: '={{ String($value).trim() }}' } },
		},
	],
};
