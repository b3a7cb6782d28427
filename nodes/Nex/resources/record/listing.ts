import type { INodePropertyRouting } from 'n8n-workflow';

import { simplifyRecord, simplifyWhenChosen } from '../../shared/simplify';
import { nexRouting } from '../../shared/transport';
import type { PathId } from '../../../shared/executor';
import { assertListingOptions, listingBodyPreSend } from './recordBody';

/**
 * Records per request when paging; Nex answers `{data, total, limit, offset}`. Its spec sets no
 * maximum for this `limit` (ListRecordsRequest; its examples ask for 50), unlike tasks (500) and
 * timeline (100): 100 stays, a size every reading accepts.
 */
export const RECORDS_PAGE_SIZE = 100;

/**
 * The routing of a record listing (an object type's records, a list's entries): a POST with the
 * listing options in the body, paged by offset, each record simplified when Simplify is on.
 */
export function recordListingRouting(url: string, target: { scope: string; notFound: string; pathId: PathId }): INodePropertyRouting {
	return nexRouting(
		{ method: 'POST', url },
		{
			scope: target.scope,
			notFound: target.notFound,
			safeToRepeat: true,
			items: 'data',
			pathIds: [target.pathId],
			paging: { style: 'bodyOffset', pageSize: RECORDS_PAGE_SIZE },
			validate: assertListingOptions,
			transform: simplifyWhenChosen(simplifyRecord),
		},
		{ preSend: [listingBodyPreSend] },
	);
}
