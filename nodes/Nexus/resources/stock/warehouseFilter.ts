import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { QueryPairs } from '../../shared/postgrest';
import { checkUuid } from '../../shared/uuid';

/** `warehouse_id=eq.<id>` when a warehouse is chosen. */
export function warehouseFilter(context: IExecuteSingleFunctions): QueryPairs {
	const warehouse = String(context.getNodeParameter('warehouseId', '') ?? '').trim();
	if (warehouse === '') return [];
	const id = checkUuid(context.getNode(), warehouse, 'Warehouse', 'Choose a warehouse from the list, or give its ID (a UUID).');
	return [['warehouse_id', `eq.${id}`]];
}
