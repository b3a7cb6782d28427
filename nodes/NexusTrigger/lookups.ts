import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { fetchAllRows } from '../Nexus/shared/fetchAllRows';
import { listExpression } from '../Nexus/shared/postgrest';
import { TRIGGER_TIMEOUT_MS } from './timeout';

/** Lookups of related rows for a page of events, and small value helpers the sources share. */

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

export function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}
