import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readTable } from '../../shared/guardInput';
import { filterPairs } from '../../shared/listQuery';
import type { QueryPairs } from '../../shared/queryPairs';

/**
 * The table and filters of a write to many rows (Update Rows, Delete Rows). At least one filter
 * is required: PostgREST would otherwise apply the write to every row. `why` says so for the
 * operation at hand.
 */
export function requiredFilterPairs(context: IExecuteSingleFunctions, why: string): QueryPairs {
	readTable(context);
	const pairs = filterPairs(context);
	if (pairs.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Filters: add at least one filter', { description: why });
	}
	return pairs;
}
