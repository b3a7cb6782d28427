import { simplifyRecord, simplifyWhenChosen } from '../../shared/simplify';
import { nexRouting } from '../../shared/transport';
import { LIST_PATH_ID, listLocatorFor } from '../list/listLocator';
import { attributesBodyPreSend, attributesValidate } from '../record/recordBody';
import { RECORD_PATH_ID, recordLocator } from '../record/recordLocator';
import { entryAttributeFields } from './entryFields';
import { type Operation, showFor, simplifyField } from '../../../shared/operation';

const show = showFor('listEntry', 'add');

export const listEntryAdd: Operation = {
	option: {
		name: 'Add',
		value: 'add',
		action: 'Add a record to a list',
		description: 'Add an existing record to a list, optionally with list-specific values; fails if it is already in the list',
		routing: nexRouting(
			{ method: 'POST', url: '/v1/lists/{listId}' },
			{
				scope: 'list.member.write',
				notFound: 'list or record',
				safeToRepeat: false,
				// The record goes in the body; its id is checked like the list's.
				pathIds: [LIST_PATH_ID, RECORD_PATH_ID],
				validate: attributesValidate(false),
				transform: simplifyWhenChosen(simplifyRecord),
			},
			{ preSend: [attributesBodyPreSend(false, { parent_id: 'recordId' })] },
		),
	},
	properties: [
		listLocatorFor('The list to add the record to'),
		recordLocator(show, { description: 'The record to add; it must be of the object type the list holds' }),
		...entryAttributeFields(show, 'to set on the entry (optional)'),
		simplifyField(),
	],
};
