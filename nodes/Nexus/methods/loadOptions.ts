import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { quoteValue } from '../../shared/quote';
import { ORDER_STATUSES } from '../shared/fields';
import { withColumnFallback } from '../shared/unknownColumn';
import { fetchAllRows } from '../shared/fetchAllRows';
import { nexusApiRequest } from '../shared/transport';
import { tableColumns } from '../shared/tableSchema';

/** Dropdowns filled from the organization's data. */

function label(...parts: unknown[]): string {
	return parts.filter((part) => typeof part === 'string' && part.trim() !== '').join(' · ');
}

export const nexusLoadOptions: Record<string, (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>> = {
	/** The documented statuses plus any other value the organization's recent orders carry. */
	async getOrderStatuses(this: ILoadOptionsFunctions) {
		const known = new Map(ORDER_STATUSES.map((option) => [String(option.value), option]));
		const answer = await nexusApiRequest.call(
			this,
			'GET',
			'/rest/v1/orders',
			{ safeToRepeat: true, what: 'orders' },
			{ qs: { select: 'order_status', order: 'updated_at.desc,id.asc', limit: 100 } },
		);
		for (const row of Array.isArray(answer.body) ? answer.body : []) {
			const status = typeof row.order_status === 'string' ? row.order_status : '';
			if (status !== '' && !known.has(status)) {
				known.set(status, { name: status.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase()), value: status });
			}
		}
		return [...known.values()].sort((a, b) => a.name.localeCompare(b.name));
	},

	/** The columns of the table named in Table, in their order, from PostgREST's schema description (its OpenAPI). */
	async getTableColumns(this: ILoadOptionsFunctions) {
		const table = String(this.getNodeParameter('table', '') ?? '').trim();
		if (table === '') return [];
		const columns = await tableColumns(this, table);
		if (!columns) {
			throw new NodeOperationError(this.getNode(), `Table: Nexus has no table ${quoteValue(table)} this key can read`, {
				description: 'Check the table name (e.g. orders, order_items, pick_lists), or give the column with an expression.',
			});
		}
		return Object.entries(columns).map(([name, column]) => {
			const format = (column as IDataObject | null)?.format;
			return { name, value: name, description: typeof format === 'string' ? format : undefined };
		});
	},

	async getWarehouses(this: ILoadOptionsFunctions) {
		const rows = await fetchAllRows(this, 'warehouses', { select: 'id,name,location,is_active', order: 'name.asc' }, 500);
		return rows.map((row: IDataObject) => ({
			name: `${String(row.name ?? row.id)}${row.is_active === false ? ' (inactive)' : ''}`,
			value: String(row.id),
			description: typeof row.location === 'string' ? row.location : undefined,
		}));
	},

	async getItems(this: ILoadOptionsFunctions) {
		const read = async (select: string, order: string) => await fetchAllRows(this, 'items', { select, is_active: 'eq.true', order }, 500);
		const rows = await withColumnFallback(
			async () => await read('id,name,description,item_no,sku', 'name.asc'),
			async () => await read('id,description,item_no,sku', 'description.asc'),
		);
		return rows.map((row: IDataObject) => ({
			name: String(row.name ?? row.description ?? row.item_no ?? row.sku ?? row.id),
			value: String(row.id),
			description: label(row.sku ? `SKU ${String(row.sku)}` : undefined, row.item_no ? `No. ${String(row.item_no)}` : undefined) || undefined,
		}));
	},
};
