import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { guardInput } from './guardInput';
import { buildFilters, orderParam, type FilterRow, type QueryPairs, type SortRow } from './postgrest';

/** The query of a listing, and the filters of a write by filter, from the node's parameters. */

function parameter<T>(context: IExecuteSingleFunctions, name: string, fallback: T): T {
	return context.getNodeParameter(name, fallback) as T;
}

export interface ListQueryOptions {
	/** Columns returned when Simplify is on (absent: the operation has no Simplify). */
	simplifyColumns?: string[];
	/** Sort when the user sets none. */
	defaultSort?: SortRow[];
	/** Filters the operation always applies (e.g. the conversation of Message → Get Many). */
	fixed?: (this: IExecuteSingleFunctions) => QueryPairs | Promise<QueryPairs>;
}

/** The query of a listing from the parameters Filters, Options (match, raw filter, sort, fields) and Simplify. */
export async function listQuery(context: IExecuteSingleFunctions, options: ListQueryOptions): Promise<QueryPairs> {
	const filters = parameter<{ conditions?: FilterRow[] }>(context, 'filters', {});
	const listOptions = parameter<IDataObject>(context, 'options', {});
	const sortRows = ((listOptions.sort as IDataObject | undefined)?.fields ?? []) as SortRow[];
	const fixed = options.fixed ? await options.fixed.call(context) : [];
	return guardInput(context, () => {
		const select = String(listOptions.select ?? '').trim();
		// The user's Fields win over a select the operation sets (e.g. embedding line items).
		const pairs: QueryPairs = fixed.filter(([key]) => select === '' || key !== 'select');
		const operationSelects = pairs.some(([key]) => key === 'select');
		pairs.push(
			...buildFilters(filters.conditions ?? [], listOptions.match === 'or' ? 'or' : 'and', String(listOptions.rawFilter ?? ''), {
				filters: 'Filters',
				raw: 'Raw Filter',
			}),
		);
		if (select !== '') pairs.push(['select', select.replace(/\s+/g, '')]);
		else if (!operationSelects && options.simplifyColumns && parameter(context, 'simplify', true)) {
			pairs.push(['select', options.simplifyColumns.join(',')]);
		}
		// The reader adds the `id` tiebreaker (and leaves it out for a table without one).
		const order = orderParam(sortRows.length ? sortRows : (options.defaultSort ?? []), '', 'Sort');
		if (order !== '') pairs.push(['order', order]);
		return pairs;
	});
}

/** The filter pairs of Filters + Options → Match / Raw Filter (no sort, no select). */
export function filterPairs(context: IExecuteSingleFunctions): QueryPairs {
	const filters = parameter<{ conditions?: FilterRow[] }>(context, 'filters', {});
	const options = parameter<IDataObject>(context, 'options', {});
	return guardInput(context, () =>
		buildFilters(filters.conditions ?? [], options.match === 'or' ? 'or' : 'and', String(options.rawFilter ?? ''), {
			filters: 'Filters',
			raw: 'Raw Filter',
		}),
	);
}
