import { simplifyRecord, simplifyWhenChosen } from '../../shared/simplify';
import { nexRouting } from '../../shared/transport';
import { LIST_PATH_ID, listLocatorFor } from '../list/listLocator';
import { attributesBodyPreSend, attributesValidate } from '../record/recordBody';
import { RECORD_PATH_ID, recordLocator } from '../record/recordLocator';
import { LIST_RECORD_PATH, entryAttributeFields } from './entryFields';
import { type Operation, showFor, simplifyField } from '../../../shared/operation';

const show = showFor('listEntry', 'update');

export const listEntryUpdate: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update the list-specific values of a list entry',
		description: 'Change the list-specific values of a record in a list',
		routing: nexRouting(
			{ method: 'PATCH', url: LIST_RECORD_PATH },
			{
				scope: 'list.member.write',
				notFound: 'list or list entry',
				safeToRepeat: true,
				pathIds: [LIST_PATH_ID, RECORD_PATH_ID],
				validate: attributesValidate(true),
				transform: simplifyWhenChosen(simplifyRecord),
			},
			{ preSend: [attributesBodyPreSend(true)] },
		),
	},
	properties: [
		listLocatorFor('The list the record is in'),
		recordLocator(show, { description: 'The record in the list: its record ID or the list entry ID, both numeric (digits only; pass them as text)' }),
		...entryAttributeFields(show, 'to change'),
		simplifyField(),
	],
};
