import { simplifyRecord, simplifyWhenChosen } from '../../shared/simplify';
import { nexRouting } from '../../shared/transport';
import { OBJECT_TYPE_PATH_ID, objectTypeLocator } from '../object/objectTypeLocator';
import { assertListingOptions, listingBodyPreSend, listingOptionsField } from './recordBody';
import { type Operation, returnAllAndLimit, showFor, simplifyField } from '../../../shared/operation';

const show = showFor('record', 'getAll');

/**
 * Records per request when paging; Nex answers `{data, total, limit, offset}`. Its spec sets no
 * maximum for this `limit` (ListRecordsRequest; its examples ask for 50), unlike tasks (500) and
 * timeline (100): 100 stays, a size every reading accepts.
 */
export const RECORDS_PAGE_SIZE = 100;

export const recordGetAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List the records of an object type',
		description: 'List the records of an object type, optionally sorted and with chosen attributes',
		routing: nexRouting(
			{ method: 'POST', url: '/v1/objects/{objectType}/records' },
			{
				scope: 'record.read',
				notFound: 'object type',
				safeToRepeat: true,
				items: 'data',
				pathIds: [OBJECT_TYPE_PATH_ID],
				paging: { style: 'bodyOffset', pageSize: RECORDS_PAGE_SIZE },
				validate: assertListingOptions,
				transform: simplifyWhenChosen(simplifyRecord),
			},
			{ preSend: [listingBodyPreSend] },
		),
	},
	properties: [
		objectTypeLocator(show, 'The object type whose records to list, e.g. person or company'),
		...returnAllAndLimit(),
		simplifyField(),
		listingOptionsField(show, { loadOptionsMethod: 'getAttributes', loadOptionsDependsOn: ['objectType.value'] }),
	],
};
