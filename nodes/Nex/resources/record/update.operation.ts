import { simplifyProperty, simplifyRecord, simplifyWhenChosen } from '../../shared/simplify';
import { nexRouting } from '../../shared/transport';
import { assertIntegerIds, fillPathParameters, showFor, validateAll, type NexOperation } from '../object/common';
import { attributeInputFields } from './attributeValues';
import { attributesBodyPreSend, attributesValidate } from './recordBody';
import { RECORD_PATH_ID, recordLocator } from './recordLocator';

const show = showFor('record', 'update');

export const recordUpdate: NexOperation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a record',
		description: 'Change attribute values of a record; attributes not given keep their values',
		routing: nexRouting(
			{ method: 'PATCH', url: '/v1/records/{recordId}' },
			{
				scope: 'record.write',
				notFound: 'record',
				safeToRepeat: true,
				pathIds: [RECORD_PATH_ID],
				validate: validateAll(function () {
					assertIntegerIds(this, [RECORD_PATH_ID]);
				}, attributesValidate(true)),
				transform: simplifyWhenChosen(simplifyRecord),
			},
			{ preSend: [fillPathParameters, attributesBodyPreSend(true)] },
		),
	},
	fields: [
		recordLocator(show, { description: 'The record to update, found by a search or given by its numeric ID' }),
		...attributeInputFields(show, {
			loadOptionsMethod: 'getRecordAttributes',
			loadOptionsDependsOn: ['recordId.value'],
			noun: 'attribute values to change',
			example: '{"job_title": "Senior Engineer"}',
		}),
		simplifyProperty(show),
	],
};
