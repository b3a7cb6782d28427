import { filtersProperty, listOptionsProperty, returnAllProperties } from '../../shared/fields';
import type { NexusOperation } from '../../shared/operation';
import { listRowsRouting } from '../../shared/rowRouting';
import { SHIPMENT_COLUMNS_HINT } from './fields';

export const getAllShipments: NexusOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many shipments',
		description: 'List shipments (AWBs), newest first',
		routing: listRowsRouting('awbs', 'shipments', { defaultSort: [{ column: 'created_at', direction: 'desc' }] }),
	},
	properties: [...returnAllProperties(), filtersProperty(SHIPMENT_COLUMNS_HINT), listOptionsProperty('created_at descending')],
};
