import type { IDataObject } from 'n8n-workflow';

import type { PageReader, PagingStrategy } from '../../shared/executor';
import { collectPages, type Page } from '../../shared/paging';

/** The three listing styles of the Nex API, as paging strategies of its executor. */

export type NexPagingStyle = 'bodyOffset' | 'queryOffset' | 'cursor';

const size = (reader: PageReader, wanted: number) => Math.max(1, Math.min(reader.pageSize, wanted));

async function bodyOf(reader: PageReader, patch: Parameters<PageReader['send']>[0]): Promise<IDataObject> {
	return ((await reader.send(patch))?.body ?? {}) as IDataObject;
}

/** POST body `{limit, offset}` → `{data, total, limit, offset}` (records, list records). */
const bodyOffset: PagingStrategy = async (reader) =>
	await collectPages<number>(
		0,
		async (offset, wanted): Promise<Page<number>> => {
			const page = { limit: size(reader, wanted), offset };
			const answer = await bodyOf(reader, { body: page });
			const items = await reader.items(answer);
			// Without a usable total, a full page means there may be more: ask for the next one.
			const total = Number(answer.total);
			const more = Number.isFinite(total) ? offset + items.length < total : items.length >= page.limit;
			return { items, next: more ? offset + items.length : undefined };
		},
		reader.limit,
	);

/** `?limit&offset` → `{data, has_more, total, next_offset}` (tasks). */
const queryOffset: PagingStrategy = async (reader) =>
	await collectPages<number>(
		0,
		async (offset, wanted): Promise<Page<number>> => {
			const answer = await bodyOf(reader, { qs: { limit: size(reader, wanted), offset } });
			const items = await reader.items(answer);
			const next = answer.has_more ? (typeof answer.next_offset === 'number' ? answer.next_offset : offset + items.length) : undefined;
			return { items, next };
		},
		reader.limit,
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

export const nexPaging: Record<NexPagingStyle, PagingStrategy> = { bodyOffset, queryOffset, cursor };
