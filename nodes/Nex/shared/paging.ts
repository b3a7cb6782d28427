import type { IDataObject } from 'n8n-workflow';

import type { PageReader, PagingStrategy } from '../../shared/executor';
import { collectPages, type Page } from '../../shared/paging';
import { readOffsetPages, type OffsetAnswer } from './offsetPages';
import { parallelRequests } from './requestOptions';

/**
 * The three listing styles of the Nex API, as paging strategies of its executor. Offset listings
 * read several pages at once (offsetPages.ts); cursor paging stays sequential, each cursor coming
 * with the page before.
 */

export type NexPagingStyle = 'bodyOffset' | 'queryOffset' | 'cursor';

const size = (reader: PageReader, wanted: number) => Math.max(1, Math.min(reader.pageSize, wanted));

async function bodyOf(reader: PageReader, patch: Parameters<PageReader['send']>[0]): Promise<IDataObject> {
	return ((await reader.send(patch))?.body ?? {}) as IDataObject;
}

/** An offset listing's answer: its rows (`data`, as every offset listing of Nex names them) and what it says of the rest. */
function offsetAnswer(body: IDataObject, more?: boolean): OffsetAnswer & { body: IDataObject } {
	const total = Number(body.total);
	return {
		body,
		rows: Array.isArray(body.data) ? (body.data as IDataObject[]) : [],
		total: Number.isFinite(total) && body.total !== null ? total : undefined,
		more,
	};
}

/** Reads an offset listing, pages in parallel (offsetPages.ts); `ask` places `{limit, offset}` in the request. */
async function byOffset(
	reader: PageReader,
	ask: (limit: number, offset: number) => Parameters<PageReader['send']>[0],
	more: (body: IDataObject) => boolean | undefined,
) {
	return await readOffsetPages({
		fetch: async (offset, limit, observer) => {
			const body = ((await reader.send(ask(limit, offset), observer))?.body ?? {}) as IDataObject;
			return offsetAnswer(body, more(body));
		},
		shape: async (page, rows) => await reader.items({ ...page.body, data: rows }),
		pageSize: reader.pageSize,
		limit: reader.limit,
		parallel: parallelRequests(reader.context),
	});
}

/** POST body `{limit, offset}` → `{data, total, limit, offset}` (records, list records). */
const bodyOffset: PagingStrategy = async (reader) =>
	await byOffset(
		reader,
		(limit, offset) => ({ body: { limit, offset } }),
		() => undefined,
	);

/** `?limit&offset` → `{data, has_more, total, next_offset}` (tasks). */
const queryOffset: PagingStrategy = async (reader) =>
	await byOffset(
		reader,
		(limit, offset) => ({ qs: { limit, offset } }),
		(body) => (typeof body.has_more === 'boolean' ? body.has_more : undefined),
	);

/** `?limit&cursor` → `{data, has_next_page, next_cursor}` (timeline). */
const cursor: PagingStrategy = async (reader) =>
	await collectPages<{ cursor?: string }>(
		{},
		async (state, wanted): Promise<Page<{ cursor?: string }>> => {
			const qs: IDataObject = { limit: size(reader, wanted) };
			if (state.cursor) qs.cursor = state.cursor;
			const answer = await bodyOf(reader, { qs });
			const next = answer.has_next_page && answer.next_cursor ? { cursor: String(answer.next_cursor) } : undefined;
			return { items: await reader.items(answer), next };
		},
		reader.limit,
	);

export const nexPaging: Record<NexPagingStyle, PagingStrategy> = {
	bodyOffset,
	queryOffset,
	cursor,
};
