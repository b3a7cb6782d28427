import { filtersProperty, listOptionsProperty, simplifyProperty } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { listRowsRouting } from '../../shared/rowRouting';
import { CONTACT_COLUMNS_HINT, CONTACT_SIMPLE_COLUMNS } from './fields';
import { returnAllAndLimit } from '../../../shared/operation';

export const getAllContacts: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List contacts, newest first',
		description: 'List contacts (customers), newest first, with filters',
		routing: listRowsRouting('customers', 'contacts', {
			simplifyColumns: CONTACT_SIMPLE_COLUMNS,
			defaultSort: [{ column: 'created_at', direction: 'desc' }],
		}),
	},
	properties: [
		...returnAllAndLimit(),
		filtersProperty(CONTACT_COLUMNS_HINT),
		simplifyProperty('contact'),
		listOptionsProperty('created_at descending'),
	],
};
