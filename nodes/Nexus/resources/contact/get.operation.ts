import { recordLocator } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { getRowRouting } from '../../shared/rowRouting';
import { CONTACT_ID, contactIdLocator } from './fields';

export const getContact: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a contact by its UUID',
		description: 'Get one contact (customer) by its ID (a UUID)',
		routing: getRowRouting('customers', 'contact', CONTACT_ID),
	},
	properties: [recordLocator(contactIdLocator)],
};
