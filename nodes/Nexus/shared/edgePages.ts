import type { IDataObject } from 'n8n-workflow';

import type { ParsedAnswer } from '../../shared/http';
import { NEXUS_MAX_PAGE_SIZE } from './pageSize';

/**
 * Edge-function listings: `?page=1&per_page=100` → `{data, pagination: {page, total_pages}}`.
 * Pages are numbered, so a row inserted or deleted meanwhile shifts the others: a row met again
 * on a later page is output once (by `id`); one shifted back across a page boundary can be
 * missed, and nothing in the API can prevent it.
 */
export async function readEdgePages(
	fetchPage: (qs: IDataObject) => Promise<ParsedAnswer>,
	limit: number | undefined,
	extract: (answer: unknown) => IDataObject[] | Promise<IDataObject[]>,
): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	const seen = new Set<string>();
	for (let page = 1; ; page++) {
		const wanted = limit === undefined ? NEXUS_MAX_PAGE_SIZE : Math.min(NEXUS_MAX_PAGE_SIZE, limit - rows.length);
		if (wanted <= 0) break;
		const answer = await fetchPage({ page, per_page: NEXUS_MAX_PAGE_SIZE });
		const items = await extract(answer.body);
		for (const row of items) {
			if (limit !== undefined && rows.length >= limit) break;
			const id = row.id === undefined || row.id === null ? undefined : String(row.id);
			if (id !== undefined) {
				if (seen.has(id)) continue;
				seen.add(id);
			}
			rows.push(row);
		}
		const pagination = ((answer.body as IDataObject | null)?.pagination ?? {}) as IDataObject;
		const totalPages = Number(pagination.total_pages);
		if (items.length === 0 || !Number.isFinite(totalPages) || page >= totalPages) break;
	}
	return rows;
}
