import type { IDataObject } from 'n8n-workflow';

import { filtersProperty, listOptionsProperty, simplifyProperty } from '../../shared/fields';
import { listExpression, type QueryPairs } from '../../shared/postgrest';
import type { Operation } from '../../../shared/operation';
import { listRowsRouting } from '../../shared/rowRouting';
import { ORDER_COLUMNS_HINT, ORDER_SIMPLE_COLUMNS } from './fields';
import { returnAllAndLimit } from '../../../shared/operation';

export const getAllOrders: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List orders, newest first',
		description: 'List orders, newest first, with filters (e.g. by order_status)',
		routing: listRowsRouting('orders', 'orders', {
			simplifyColumns: ORDER_SIMPLE_COLUMNS,
			defaultSort: [{ column: 'created_at', direction: 'desc' }],
			fixed() {
				const statuses = (this.getNodeParameter('orderStatuses', []) as string[]).filter((status) => status !== '');
				const pairs: QueryPairs = [];
				if (statuses.length) pairs.push(['order_status', `in.${listExpression(statuses)}`]);
				const lineItems = this.getNodeParameter('includeLineItems', false) as boolean;
				const options = this.getNodeParameter('options', {}) as IDataObject;
				if (lineItems && !options.select) {
					const columns = this.getNodeParameter('simplify', true) ? ORDER_SIMPLE_COLUMNS.join(',') : '*';
					pairs.push(['select', `${columns},order_items(*)`]);
				}
				return pairs;
			},
		}),
	},
	properties: [
		...returnAllAndLimit(),
		{
			displayName: 'Order Status Names or IDs',
			name: 'orderStatuses',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getOrderStatuses' },
			default: [],
			description:
				'Only orders in one of these statuses (none: any status). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		filtersProperty(ORDER_COLUMNS_HINT),
		{
			displayName: 'Include Line Items',
			name: 'includeLineItems',
			type: 'boolean',
			default: false,
			description: 'Whether to add each order\'s line items (order_items)',
		},
		simplifyProperty('order'),
		listOptionsProperty('created_at descending'),
	],
};
