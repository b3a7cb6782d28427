import { filtersProperty, listOptionsProperty } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { listRowsRouting } from '../../shared/rowRouting';
import { SHIPMENT_COLUMNS_HINT } from './fields';
import { returnAllAndLimit } from '../../../shared/operation';

export const getAllShipments: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List shipments, newest first',
		description: 'List shipments (AWBs), newest first',
		routing: listRowsRouting('awbs', 'shipments', { defaultSort: [{ column: 'created_at', direction: 'desc' }] }),
	},
	properties: [...returnAllAndLimit(), filtersProperty(SHIPMENT_COLUMNS_HINT), listOptionsProperty('created_at descending')],
};
