import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { fetchAllRows } from '../Nexus/shared/fetchAllRows';
import { listExpression } from '../Nexus/shared/postgrest';
import { asText } from '../shared/parameters';
import { TRIGGER_TIMEOUT_MS } from './timeout';
import type { PendingRow } from './watchedSource';

/** Lookups of related rows for a page of events. */

/** Rows of `table` whose `column` is one of `ids`, grouped by that column: one request per 100 rows. */
export async function rowsByKey(
	context: IPollFunctions,
	table: string,
	column: string,
	ids: string[],
	order: string,
): Promise<Map<string, IDataObject[]>> {
	const grouped = new Map<string, IDataObject[]>();
	const unique = [...new Set(ids.filter((id) => id !== ''))];
	if (!unique.length) return grouped;
	const rows = await fetchAllRows(context, table, { [column]: `in.${listExpression(unique)}`, order }, undefined, TRIGGER_TIMEOUT_MS);
	for (const row of rows) {
		const key = String(row[column]);
		grouped.set(key, [...(grouped.get(key) ?? []), row]);
	}
	return grouped;
}

/**
 * One item per row that references a row of another table by id (a message its chat, a stock
 * balance its item): the event's fields, the row under `as`, the referenced row (or null) under
 * `with`. The referenced rows are read in one lookup for the whole page.
 */
export async function itemsWithReferenced(
	context: IPollFunctions,
	pending: PendingRow[],
	names: { as: string; with: string; table: string; foreignKey: string },
): Promise<INodeExecutionData[]> {
	const referenceOf = (row: IDataObject) => asText(row[names.foreignKey]);
	const referenced = await rowsByKey(context, names.table, 'id', pending.map(({ row }) => referenceOf(row)), 'id.asc');
	return pending.map(({ row, event: { fields } }) => ({
		json: { ...fields, [names.as]: row, [names.with]: referenced.get(referenceOf(row))?.[0] ?? null },
	}));
}
