import { targetRouting } from '../../shared/pathTarget';
import { listLocatorFor } from '../list/listLocator';
import { recordLocator } from '../record/recordLocator';
import { LIST_ENTRY_TARGET } from './entryFields';
import { deletedResult } from '../../shared/deleted';
import { type Operation, showFor } from '../../../shared/operation';

const show = showFor('listEntry', 'remove');

export const listEntryRemove: Operation = {
	option: {
		name: 'Remove',
		value: 'remove',
		action: 'Remove a record from a list (the record is kept)',
		description: 'Take a record out of a list; the record itself is kept',
		routing: targetRouting(LIST_ENTRY_TARGET, 'DELETE', {
			scope: 'record.write',
			safeToRepeat: false,
			transform: deletedResult('removed', { list_id: 'listId', record_id: 'recordId' }),
		}),
	},
	properties: [
		listLocatorFor('The list to remove the record from'),
		recordLocator(show, { description: 'The record to remove: its record ID or the list entry ID, both numeric (digits only; pass them as text)' }),
	],
};
