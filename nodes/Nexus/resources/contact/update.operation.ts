import { recordLocator } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { updateRowRouting } from '../../shared/rowRouting';
import { CONTACT_ID, contactFieldOptions, contactIdLocator, contactRow } from './fields';
import { updateFieldsCollection } from '../../../shared/collections';

export const updateContact: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a contact by its UUID',
		description: 'Change fields of a contact (customer)',
		routing: updateRowRouting('customers', 'contact', CONTACT_ID, function () {
			return contactRow(this, 'updateFields');
		}),
	},
	properties: [
		recordLocator(contactIdLocator),
		updateFieldsCollection(contactFieldOptions(true)),
	],
};
