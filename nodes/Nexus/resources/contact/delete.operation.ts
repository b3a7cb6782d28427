import { recordLocator } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { deleteRowRouting } from '../../shared/rowRouting';
import { CONTACT_ID, contactIdLocator } from './fields';

export const deleteContact: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a contact permanently',
		description: 'Delete a contact (customer); outputs the deleted row',
		routing: deleteRowRouting('customers', 'contact', CONTACT_ID),
	},
	properties: [recordLocator(contactIdLocator)],
};
