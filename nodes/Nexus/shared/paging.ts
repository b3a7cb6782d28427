import type { PageReader, PagingStrategy } from '../../shared/executor';
import { readEdgePages } from './edgePages';
import { readKeysetPages } from './keyset';
import { NEXUS_MAX_PAGE_SIZE } from './pageSize';
import { toQueryPairs } from './queryPairs';

/**
 * Nexus's ways of reading a listing. A PostgREST table is read by key (the query's sort
 * columns, then the table's primary key: see keyset.ts), every row once even while rows change;
 * an edge-function listing by page number (edgePages.ts).
 */

export type NexusPaging = 'keyset' | 'tableKey' | 'edge';

/** Reads by key, ties broken on `unique` (absent: `id`; empty: no key, by offset). */
export async function readByKey(reader: PageReader, unique?: readonly string[]) {
	// The rows read are shaped (the operation's transform) once the last page is in: keys come from the raw rows.
	const rows = await readKeysetPages(toQueryPairs(reader.patch.qs ?? {}), async (qs) => await reader.send({ qs }), reader.limit, undefined, unique);
	return await reader.items(rows);
}

/** The strategies that need no other request than the listing's (the typed resources' tables are keyed on `id`). */
export const nexusPaging: Record<Exclude<NexusPaging, 'tableKey'>, PagingStrategy> = {
	keyset: async (reader) => await readByKey(reader),
	edge: async (reader) => await readEdgePages(async (qs) => await reader.send({ qs }), reader.limit, reader.items),
};

/** A PostgREST listing: Return All / Limit, 100 rows per request, by key. */
export const KEYSET_PAGES = { style: 'keyset', pageSize: NEXUS_MAX_PAGE_SIZE } as const;

/** A listing of any table (Table → Get Many): as KEYSET_PAGES, the ties broken on the table's own primary key. */
export const TABLE_KEY_PAGES = { style: 'tableKey', pageSize: NEXUS_MAX_PAGE_SIZE } as const;

/** An edge-function listing `?page&per_page` → `{data, pagination: {page, per_page, total, total_pages}}`. */
export const EDGE_PAGES = { style: 'edge', pageSize: NEXUS_MAX_PAGE_SIZE } as const;
