import { filtersProperty, listOptionsProperty, returnAllProperties, simplifyProperty } from '../../shared/fields';
import type { NexusOperation } from '../../shared/operation';
import { listRowsRouting } from '../../shared/rowRouting';
import { CONTACT_COLUMNS_HINT, CONTACT_SIMPLE_COLUMNS } from './fields';

export const getAllContacts: NexusOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many contacts',
		description: 'List contacts (customers), newest first, with filters',
		routing: listRowsRouting('customers', 'contacts', {
			simplifyColumns: CONTACT_SIMPLE_COLUMNS,
			defaultSort: [{ column: 'created_at', direction: 'desc' }],
		}),
	},
	properties: [
		...returnAllProperties(),
		filtersProperty(CONTACT_COLUMNS_HINT),
		simplifyProperty('contact'),
		listOptionsProperty('created_at descending'),
	],
};
