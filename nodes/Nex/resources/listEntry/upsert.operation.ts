import { putRecordInList } from './putRecord';

export const listEntryUpsert = putRecordInList({
	option: {
		name: 'Create or Update',
		value: 'upsert',
		action: 'Add a record to a list, or update its entry',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
	},
	method: 'PUT',
	safeToRepeat: true,
	listDescription: 'The list to add the record to or update it in',
	recordDescription: 'The record; it must be of the object type the list holds',
});
