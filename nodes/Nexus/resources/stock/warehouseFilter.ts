import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { QueryPairs } from '../../shared/postgrest';
import { UUID } from '../../shared/uuid';
import { quoteValue } from '../../../shared/quote';

/** `warehouse_id=eq.<id>` when a warehouse is chosen. */
export function warehouseFilter(context: IExecuteSingleFunctions): QueryPairs {
	const warehouse = String(context.getNodeParameter('warehouseId', '') ?? '').trim();
	if (warehouse === '') return [];
	if (!UUID.test(warehouse)) {
		throw new NodeOperationError(context.getNode(), `Warehouse ${quoteValue(warehouse)} is not a valid ID`, {
			description: 'Choose a warehouse from the list, or give its ID (a UUID).',
		});
	}
	return [['warehouse_id', `eq.${warehouse.toLowerCase()}`]];
}
