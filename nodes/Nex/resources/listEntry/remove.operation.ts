import { nexRouting } from '../../shared/transport';
import { LIST_PATH_ID, listLocatorFor } from '../list/listLocator';
import { RECORD_PATH_ID, recordLocator } from '../record/recordLocator';
import { LIST_RECORD_PATH } from './entryFields';
import { deletedResult } from '../../shared/deleted';
import { type Operation, showFor } from '../../../shared/operation';

const show = showFor('listEntry', 'remove');

export const listEntryRemove: Operation = {
	option: {
		name: 'Remove',
		value: 'remove',
		action: 'Remove a record from a list (the record is kept)',
		description: 'Take a record out of a list; the record itself is kept',
		routing: nexRouting(
			{ method: 'DELETE', url: LIST_RECORD_PATH },
			{
				scope: 'record.write',
				notFound: 'list or list entry',
				safeToRepeat: false,
				pathIds: [LIST_PATH_ID, RECORD_PATH_ID],
				transform: deletedResult('removed', { list_id: 'listId', record_id: 'recordId' }),
			},
		),
	},
	properties: [
		listLocatorFor('The list to remove the record from'),
		recordLocator(show, { description: 'The record to remove: its record ID or the list entry ID, both numeric (digits only; pass them as text)' }),
	],
};
