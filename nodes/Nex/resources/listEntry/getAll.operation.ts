import { simplifyProperty, simplifyRecord, simplifyWhenChosen } from '../../shared/simplify';
import { nexRouting } from '../../shared/transport';
import {
	assertIntegerIds,
	fillPathParameters,
	returnAllAndLimit,
	showFor,
	validateAll,
	type NexOperation,
} from '../object/common';
import { LIST_PATH_ID, listLocator } from '../list/listLocator';
import { RECORDS_PAGE_SIZE } from '../record/getAll.operation';
import { assertListingOptions, listingBodyPreSend, listingOptionsField } from '../record/recordBody';

const show = showFor('listEntry', 'getAll');

export const listEntryGetAll: NexOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many records in a list',
		description: 'List the records in a list, with their list-specific values',
		routing: nexRouting(
			{ method: 'POST', url: '/v1/lists/{listId}/records' },
			{
				scope: 'list.member.read',
				notFound: 'list',
				safeToRepeat: true,
				items: 'data',
				pathIds: [LIST_PATH_ID],
				pagination: { style: 'bodyOffset', pageSize: RECORDS_PAGE_SIZE },
				validate: validateAll(function () {
					assertIntegerIds(this, [LIST_PATH_ID]);
				}, assertListingOptions),
				transform: simplifyWhenChosen(simplifyRecord),
			},
			{ preSend: [fillPathParameters, listingBodyPreSend] },
		),
	},
	fields: [
		listLocator(show, 'The list whose records to return'),
		...returnAllAndLimit(show),
		simplifyProperty(show),
		listingOptionsField(show, undefined),
	],
};
