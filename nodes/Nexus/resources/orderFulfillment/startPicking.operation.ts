import { recordLocator } from '../../shared/fields';
import { functionRouting } from '../../shared/functions';
import type { Operation } from '../../../shared/operation';
import { readUuid } from '../../shared/uuid';
import { orderIdLocator, ORDER_ID } from '../order/fields';

export const startPicking: Operation = {
	option: {
		name: 'Start Picking',
		value: 'startPicking',
		action: 'Start picking an order (creates its pick list)',
		description: 'Create the pick list of a confirmed order (start-picking); outputs its pick_list_id',
		routing: functionRouting('start-picking', {
			what: 'order',
			writes: true,
			safeToRepeat: false,
			body() {
				return { order_id: readUuid(this, ORDER_ID.parameter, ORDER_ID.label) };
			},
		}),
	},
	properties: [recordLocator(orderIdLocator)],
};
