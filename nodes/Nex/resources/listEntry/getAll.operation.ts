import { simplifyRecord, simplifyWhenChosen } from '../../shared/simplify';
import { nexRouting } from '../../shared/transport';
import { LIST_PATH_ID, listLocatorFor } from '../list/listLocator';
import { RECORDS_PAGE_SIZE } from '../record/getAll.operation';
import { assertListingOptions, listingBodyPreSend, listingOptionsField } from '../record/recordBody';
import { type Operation, returnAllAndLimit, showFor, simplifyField } from '../../../shared/operation';

const show = showFor('listEntry', 'getAll');

export const listEntryGetAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List the entries of a list with their values',
		description: 'List the records in a list, with their list-specific values',
		routing: nexRouting(
			{ method: 'POST', url: '/v1/lists/{listId}/records' },
			{
				scope: 'list.member.read',
				notFound: 'list',
				safeToRepeat: true,
				items: 'data',
				pathIds: [LIST_PATH_ID],
				paging: { style: 'bodyOffset', pageSize: RECORDS_PAGE_SIZE },
				validate: assertListingOptions,
				transform: simplifyWhenChosen(simplifyRecord),
			},
			{ preSend: [listingBodyPreSend] },
		),
	},
	properties: [
		listLocatorFor('The list whose records to return'),
		...returnAllAndLimit(),
		simplifyField(),
		listingOptionsField(show, undefined),
	],
};
