import { LIST_PATH_ID, listLocatorFor } from '../list/listLocator';
import { recordListingRouting } from '../record/listing';
import { listingOptionsField } from '../record/recordBody';
import { type Operation, returnAllAndLimit, showFor, simplifyField } from '../../../shared/operation';

const show = showFor('listEntry', 'getAll');

export const listEntryGetAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List the entries of a list with their values',
		description: 'List the records in a list, with their list-specific values',
		routing: recordListingRouting('/v1/lists/{listId}/records', { scope: 'list.member.read', notFound: 'list', pathId: LIST_PATH_ID }),
	},
	properties: [
		listLocatorFor('The list whose records to return'),
		...returnAllAndLimit(),
		simplifyField(),
		listingOptionsField(show, undefined),
	],
};
