import type { PagingStrategy } from '../../shared/executor';
import { readEdgePages } from './edgePages';
import { readKeysetPages } from './keyset';
import { NEXUS_MAX_PAGE_SIZE } from './pageSize';
import { toQueryPairs } from './queryPairs';

/**
 * Nexus's two ways of reading a listing. A PostgREST table is read by key (the query's sort
 * columns, then `id`: see keyset.ts), every row once even while rows change; an edge-function
 * listing by page number (edgePages.ts).
 */

export type NexusPaging = 'keyset' | 'edge';

export const nexusPaging: Record<NexusPaging, PagingStrategy> = {
	// The rows read are shaped (the operation's transform) once the last page is in: keys come from the raw rows.
	keyset: async (reader) => await reader.items(await readKeysetPages(toQueryPairs(reader.patch.qs ?? {}), async (qs) => await reader.send({ qs }), reader.limit)),
	edge: async (reader) => await readEdgePages(async (qs) => await reader.send({ qs }), reader.limit, reader.items),
};

/** A PostgREST listing: Return All / Limit, 100 rows per request, by key. */
export const KEYSET_PAGES = { style: 'keyset', pageSize: NEXUS_MAX_PAGE_SIZE } as const;

/** An edge-function listing `?page&per_page` → `{data, pagination: {page, per_page, total, total_pages}}`. */
export const EDGE_PAGES = { style: 'edge', pageSize: NEXUS_MAX_PAGE_SIZE } as const;
