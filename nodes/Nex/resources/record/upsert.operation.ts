import { simplifyRecord, simplifyWhenChosen } from '../../shared/simplify';
import { nexRouting } from '../../shared/transport';
import { OBJECT_PATH, OBJECT_TYPE_PATH_ID, objectTypeLocator } from '../object/objectTypeLocator';
import { attributeInputFields } from './attributeValues';
import { attributesBodyPreSend, attributesValidate } from './recordBody';
import { type Operation, showFor, simplifyField } from '../../../shared/operation';
import { assertFilled } from '../../../shared/parameters';

const show = showFor('record', 'upsert');

export const recordUpsert: Operation = {
	option: {
		name: 'Create or Update',
		value: 'upsert',
		action: 'Create a record, or update it if it exists',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		routing: nexRouting(
			{ method: 'PUT', url: OBJECT_PATH },
			{
				scope: 'record.write',
				notFound: 'object type',
				safeToRepeat: true,
				pathIds: [OBJECT_TYPE_PATH_ID],
				validate: [function () {
					assertFilled(this, [{ parameter: 'matchingAttribute', label: 'Matching Attribute' }]);
				}, attributesValidate(true)],
				transform: simplifyWhenChosen(simplifyRecord),
			},
			{ preSend: [attributesBodyPreSend(true, { matching_attribute: 'matchingAttribute' })] },
		),
	},
	properties: [
		objectTypeLocator(show, 'The object type of the record, e.g. person or company'),
		{
			displayName: 'Matching Attribute Name or ID',
			name: 'matchingAttribute',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getAttributes', loadOptionsDependsOn: ['objectType.value'] },
			required: true,
			default: '',
			displayOptions: { show },
			description:
				'Attribute that identifies the record, e.g. email_addresses; its value must be among the attributes below. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		...attributeInputFields(show, {
			loadOptionsMethod: 'getAttributes',
			loadOptionsDependsOn: ['objectType.value'],
			noun: 'attribute values to set, including the matching attribute (and "name" when the record may be new)',
			example: '{"name": "Ada Lovelace", "email_addresses": ["ada@example.com"]}',
		}),
		simplifyField(),
	],
};
