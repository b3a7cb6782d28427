import type { IDataObject } from 'n8n-workflow';

import { recordLocator } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { SINGLE_OBJECT } from '../../shared/rowRouting';
import { readUuid } from '../../shared/uuid';
import { orderIdLocator, ORDER_ID } from './fields';
import { nexusExecutor } from '../../shared/transport';

export const getOrder: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an order with its line items by its UUID',
		description: 'Get one order by its ID (a UUID), with its line items (order_items)',
		routing: nexusExecutor.routing(
			{ method: 'GET', url: '/rest/v1/orders' },
			{
				safeToRepeat: true,
				what: 'order',
				idParameter: ORDER_ID.parameter,
				request() {
					const qs: IDataObject = { id: `eq.${readUuid(this, ORDER_ID.parameter, ORDER_ID.label)}` };
					qs.select = this.getNodeParameter('includeLineItems', true) ? '*,order_items(*)' : '*';
					return { qs, headers: { Accept: SINGLE_OBJECT } };
				},
			},
		),
	},
	properties: [
		recordLocator(orderIdLocator),
		{
			displayName: 'Include Line Items',
			name: 'includeLineItems',
			type: 'boolean',
			default: true,
			description: 'Whether to add the order\'s line items (order_items) to the output',
		},
	],
};
