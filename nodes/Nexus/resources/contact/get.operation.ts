import { recordLocator } from '../../shared/fields';
import { getRowRouting, type NexusOperation } from '../../shared/rows';
import { CONTACT_ID, contactIdLocator } from './fields';

export const getContact: NexusOperation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a contact',
		description: 'Get one contact (customer) by ID',
		routing: getRowRouting('customers', 'contact', CONTACT_ID),
	},
	properties: [recordLocator(contactIdLocator)],
};
