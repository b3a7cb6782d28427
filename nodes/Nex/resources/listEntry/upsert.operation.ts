import { simplifyRecord, simplifyWhenChosen } from '../../shared/simplify';
import { nexRouting } from '../../shared/transport';
import { LIST_PATH_ID, listLocatorFor } from '../list/listLocator';
import { attributesBodyPreSend, attributesValidate } from '../record/recordBody';
import { RECORD_PATH_ID, recordLocator } from '../record/recordLocator';
import { entryAttributeFields } from './entryFields';
import { type Operation, showFor, simplifyField } from '../../../shared/operation';

const show = showFor('listEntry', 'upsert');

export const listEntryUpsert: Operation = {
	option: {
		name: 'Create or Update',
		value: 'upsert',
		action: 'Add or update a record in a list',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		routing: nexRouting(
			{ method: 'PUT', url: '/v1/lists/{listId}' },
			{
				scope: 'list.member.write',
				notFound: 'list or record',
				safeToRepeat: true,
				// The record goes in the body; its id is checked like the list's.
				pathIds: [LIST_PATH_ID, RECORD_PATH_ID],
				validate: attributesValidate(false),
				transform: simplifyWhenChosen(simplifyRecord),
			},
			{ preSend: [attributesBodyPreSend(false, { parent_id: 'recordId' })] },
		),
	},
	properties: [
		listLocatorFor('The list to add the record to or update it in'),
		recordLocator(show, { description: 'The record; it must be of the object type the list holds' }),
		...entryAttributeFields(show, 'to set on the entry (optional)'),
		simplifyField(),
	],
};
