import { recordLocator } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { updateRowRouting } from '../../shared/rowRouting';
import { CONTACT_ID, contactFieldOptions, contactIdLocator, contactRow } from './fields';

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
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: contactFieldOptions(true),
		},
	],
};
