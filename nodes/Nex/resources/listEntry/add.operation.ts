import { putRecordInList } from './putRecord';

export const listEntryAdd = putRecordInList({
	option: {
		name: 'Add',
		value: 'add',
		action: 'Add a record to a list',
		description: 'Add an existing record to a list, optionally with list-specific values; fails if it is already in the list',
	},
	method: 'POST',
	safeToRepeat: false,
	listDescription: 'The list to add the record to',
	recordDescription: 'The record to add; it must be of the object type the list holds',
});
