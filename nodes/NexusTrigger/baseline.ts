import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { quoteIfNeeded } from '../Nexus/shared/postgrest';
import { NEXUS_MAX_PAGE_SIZE } from '../Nexus/shared/transport';
import { instantMinus } from '../shared/instants';
import { beforeCursorFilter, MEMORY_LIMIT, RowMemory, type KeysetCursor, type TriggerState } from './cursor';
import { cursorOf, getRows, serverTimeOf } from './rows';
import type { WatchedSource } from './watchedSource';

/**
 * Remembers the values of the most recently changed rows before `cursor` (inclusive), newest
 * first, up to the memory bound (and, for a source that reads a window, back to that window's
 * start): when they change later, their previous value is known. Keyset pages, so rows changing
 * meanwhile (they move past the cursor) are not misread.
 */
async function rememberRecent(
	context: IPollFunctions,
	source: WatchedSource,
	cursor: KeysetCursor,
	windowStart: string | undefined,
): Promise<Record<string, string>> {
	const memory = source.memory as NonNullable<WatchedSource['memory']>;
	const limit = memory.limit ?? MEMORY_LIMIT;
	const newestFirst: Array<[string, string]> = [];
	// `and` so the window's bound never shares a key with the cursor's filter.
	const bound: IDataObject = windowStart === undefined ? {} : { and: `(${source.column}.gte.${quoteIfNeeded(windowStart)})` };
	let filter = beforeCursorFilter(cursor, quoteIfNeeded, source.column);
	for (;;) {
		const { rows } = await getRows(context, source, {
			select: memory.select,
			...filter,
			...bound,
			order: `${source.column}.desc,id.desc`,
			limit: Math.min(NEXUS_MAX_PAGE_SIZE, limit - newestFirst.length),
		});
		for (const row of rows) newestFirst.push([row.id as string, memory.valueOf(row)]);
		if (rows.length < NEXUS_MAX_PAGE_SIZE || newestFirst.length >= limit) break;
		filter = beforeCursorFilter(cursorOf(source, rows[rows.length - 1]), quoteIfNeeded, source.column, false);
	}
	const remembered = new RowMemory({}, limit);
	for (let i = newestFirst.length - 1; i >= 0; i--) remembered.remember(newestFirst[i][0], newestFirst[i][1]);
	return remembered.toRecord();
}

/** First activation: the baseline, or the start of the "recent changes" window. */
export async function takeBaseline(context: IPollFunctions, source: WatchedSource, lookbackMinutes: number): Promise<TriggerState> {
	const { rows, headers } = await getRows(context, source, {
		select: `id,${source.column}`,
		order: `${source.column}.desc,id.desc`,
		limit: 1,
	});
	const serverTime = serverTimeOf(headers);
	let cursor: KeysetCursor | null = rows.length ? cursorOf(source, rows[0]) : null;
	if (lookbackMinutes > 0) {
		const start = (serverTime === undefined ? undefined : instantMinus(serverTime, lookbackMinutes)) ?? cursor?.at;
		cursor = start === undefined ? null : { at: start, id: null };
	}
	const state: TriggerState = { version: 1, cursor, boundaryIds: [], remembered: {} };
	if (serverTime !== undefined) state.serverTime = serverTime;
	if (source.memory && cursor && rows.length) {
		state.remembered = await rememberRecent(context, source, cursor, source.window?.startOf(state));
	}
	return state;
}
