import { simplifyRecord, simplifyWhenChosen } from '../../shared/simplify';
import { nexRouting } from '../../shared/transport';
import { attributeInputFields } from './attributeValues';
import { attributesBodyPreSend, attributesValidate } from './recordBody';
import { RECORD_PATH_ID, recordLocator } from './recordLocator';
import { type Operation, showFor, simplifyField } from '../../../shared/operation';

const show = showFor('record', 'update');

export const recordUpdate: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update the values of a record by its numeric ID',
		description: 'Change attribute values of a record; attributes not given keep their values',
		routing: nexRouting(
			{ method: 'PATCH', url: '/v1/records/{recordId}' },
			{
				scope: 'record.write',
				notFound: 'record',
				safeToRepeat: true,
				pathIds: [RECORD_PATH_ID],
				validate: attributesValidate(true),
				transform: simplifyWhenChosen(simplifyRecord),
			},
			{ preSend: [attributesBodyPreSend(true)] },
		),
	},
	properties: [
		recordLocator(show, { description: 'The record to update, found by a search or given by its numeric ID (digits only; it may exceed 2^53, so pass it as text)' }),
		...attributeInputFields(show, {
			loadOptionsMethod: 'getRecordAttributes',
			loadOptionsDependsOn: ['recordId.value'],
			noun: 'attribute values to change',
			example: '{"job_title": "Senior Engineer"}',
		}),
		simplifyField(),
	],
};
