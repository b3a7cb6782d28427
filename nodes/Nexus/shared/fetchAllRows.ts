import type { IDataObject } from 'n8n-workflow';

import type { NodeContext } from '../../shared/context';
import { readKeysetPages } from './keyset';
import { assertIdentifier } from './postgrest';
import { toQueryPairs, type QueryPairs } from './queryPairs';
import { nexusApiRequest } from './transport';

/**
 * Reads the rows of `table` matching `query` (filters, `select`, `order`), every row exactly
 * once, at most 100 per request, until `limit` rows (undefined: all), by key: the order's
 * columns then `id` (see keyset.ts). `defaultTimeoutMs` applies when the node's Request Options
 * set no timeout.
 */
export async function fetchAllRows(
	context: NodeContext,
	table: string,
	query: IDataObject | QueryPairs,
	limit?: number,
	defaultTimeoutMs?: number,
): Promise<IDataObject[]> {
	const name = assertIdentifier(table, 'Table', 'table');
	return await readKeysetPages(
		toQueryPairs(query),
		async (qs) =>
			await nexusApiRequest.call(context, 'GET', `/rest/v1/${name}`, { safeToRepeat: true, what: `rows of "${name}"`, defaultTimeoutMs }, { qs }),
		limit,
	);
}
