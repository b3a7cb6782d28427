import { simplifyRecord, simplifyWhenChosen } from '../../shared/simplify';
import { nexRouting } from '../../shared/transport';
import { OBJECT_PATH, OBJECT_TYPE_PATH_ID, objectTypeLocator } from '../object/objectTypeLocator';
import { attributeInputFields } from './attributeValues';
import { attributesBodyPreSend, attributesValidate } from './recordBody';
import { type Operation, showFor, simplifyField } from '../../../shared/operation';

const show = showFor('record', 'create');

export const recordCreate: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a record (person, company...)',
		description: 'Create a record of an object type (a person, a company...) with attribute values; "name" is required',
		routing: nexRouting(
			{ method: 'POST', url: OBJECT_PATH },
			{
				scope: 'record.write',
				notFound: 'object type',
				safeToRepeat: false,
				pathIds: [OBJECT_TYPE_PATH_ID],
				validate: attributesValidate(true),
				transform: simplifyWhenChosen(simplifyRecord),
			},
			{ preSend: [attributesBodyPreSend(true)] },
		),
	},
	properties: [
		objectTypeLocator(show, 'The object type of the new record, e.g. person or company'),
		...attributeInputFields(show, {
			loadOptionsMethod: 'getAttributes',
			loadOptionsDependsOn: ['objectType.value'],
			noun: 'attribute values of the new record',
			example: '{"name": "Ada Lovelace", "email_addresses": ["ada@example.com"]}',
		}),
		simplifyField(),
	],
};
