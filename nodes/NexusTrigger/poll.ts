import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { quoteIfNeeded } from '../Nexus/shared/postgrest';
import { NEXUS_MAX_PAGE_SIZE } from '../Nexus/shared/transport';
import { sameInstant } from '../shared/instants';
import {
	afterCursorFilter,
	MEMORY_LIMIT,
	nextBoundaryIds,
	readState,
	RowMemory,
	writeState,
	type KeysetCursor,
	type TriggerState,
} from './cursor';
import { takeBaseline } from './baseline';
import { readLookbackMinutes, readSource } from './parameters';
import { cursorOf, getRows, serverTimeOf } from './rows';
import { ScanMemory } from './scanMemory';
import type { PendingRow, WatchedSource } from './watchedSource';

/**
 * One poll of the Nexus Trigger, for whichever source it watches (sources.ts).
 *
 * - First activation: records a baseline (the newest row's `(column, id)`, and for sources that
 *   compare with an earlier value, the values of the most recently changed rows up to the memory
 *   bound, so their next change has a known previous value) and emits nothing; or, with "Emit
 *   Recent Changes on Activation", starts N minutes before the server's clock (its `Date` header)
 *   and emits what changed since.
 * - Later polls: read every row after the cursor, oldest first, 100 rows per request, with a
 *   keyset filter on `(column, id)`; a source with a window (late call logs, message statuses)
 *   starts that window before the cursor and judges each row by what is remembered of it. Line items come embedded in the pages of orders; other details (AWBs,
 *   chats, items) are read with one `in.(…)` request per page of rows that yield events, never per
 *   row. An idle poll is one
 *   request.
 * - Within one scan, what was read earlier counts (scanMemory.ts): a row changed after its page
 *   was read is read again further on, and that reading is compared with the first one.
 * - Nothing is saved until the scan completed: a failed request fails the poll and the next
 *   poll starts from the same cursor.
 * - "Fetch test event" (manual mode) returns the latest matching row and saves nothing.
 */

/** Share of n8n's poll budget spent reading pages; the rest is left for the hand-off. */
const BUDGET_SHARE_FOR_PAGES = 0.7;

/** Reads every row changed after the saved cursor; returns the items and the state to save. */
async function scan(
	context: IPollFunctions,
	source: WatchedSource,
	state: TriggerState,
): Promise<{ items: INodeExecutionData[]; next: TriggerState } | undefined> {
	const budgetMs = typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : undefined;
	const startedAt = Date.now();
	// Previous values are read as they were when the scan started, or as this scan read them
	// earlier: recording the rows scanned so far must not evict the remembered value of a row
	// further on in the same scan.
	const limit = source.memory?.limit ?? MEMORY_LIMIT;
	const readings = new ScanMemory(state.cursor, new RowMemory(state.remembered, limit));
	const memory = new RowMemory(state.remembered, limit);
	// A window is read whole again on every poll: what was emitted is told by the memory, not by the boundary.
	const boundary = new Set(source.window ? [] : state.boundaryIds);
	const items: INodeExecutionData[] = [];
	const windowStart = source.window?.startOf(state);
	let position: KeysetCursor | null = windowStart === undefined ? state.cursor : { at: windowStart, id: null };
	let serverTime: string | undefined;
	for (;;) {
		const { rows, headers } = await getRows(context, source, {
			...source.rowQuery,
			...(position ? afterCursorFilter(position, quoteIfNeeded, source.column) : {}),
			order: `${source.column}.asc,id.asc`,
			limit: NEXUS_MAX_PAGE_SIZE,
		});
		serverTime ??= serverTimeOf(headers);
		const pending: PendingRow[] = [];
		for (const row of rows) {
			const id = row.id as string;
			const at = row[source.column] as string;
			const value = source.memory?.valueOf(row);
			if (value !== undefined) memory.remember(id, value);
			const seen = readings.read(id, at, row.created_at, value);
			// Read again in this scan without a change: emitted already.
			if (!seen) continue;
			// Second guard: a row already read at the saved boundary instant is never repeated.
			if (state.cursor && sameInstant(at, state.cursor.at) && boundary.has(id)) continue;
			for (const event of source.events(row, seen)) pending.push({ row, event });
		}
		if (pending.length) items.push(...(await source.toItems(context, pending)));
		if (rows.length) position = cursorOf(source, rows[rows.length - 1]);
		if (rows.length < NEXUS_MAX_PAGE_SIZE) break;
		// A backlog larger than n8n lets one poll read: keep what was read, the next poll goes on from here.
		if (budgetMs !== undefined && Date.now() - startedAt > budgetMs * BUDGET_SHARE_FOR_PAGES) break;
	}
	const scanned = readings.rows();
	if (!scanned.length && !source.window) return undefined;
	const next: TriggerState = {
		version: 1,
		// An empty window leaves the cursor where it was.
		cursor: scanned.length ? position : state.cursor,
		boundaryIds: source.window ? [] : nextBoundaryIds(state.boundaryIds, state.cursor, position, scanned),
		remembered: memory.toRecord(),
	};
	const time = serverTime ?? state.serverTime;
	if (time !== undefined) next.serverTime = time;
	return { items, next };
}

/** "Fetch test event": the latest row that matches, with nothing saved. */
async function fetchTestEvent(context: IPollFunctions, source: WatchedSource): Promise<INodeExecutionData[][] | null> {
	const { rows } = await getRows(context, source, { ...source.rowQuery, ...source.test.filters, order: source.test.order, limit: 1 });
	if (!rows.length) return null;
	const row = rows[0];
	const saved = readState(context.getWorkflowStaticData('node'), source.stateKey);
	const event = source.test.event(row, saved?.remembered[row.id as string]);
	if (!event) return null;
	return [await source.toItems(context, [{ row, event }])];
}

export async function pollNexus(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const source = readSource(this, options);
	const lookbackMinutes = readLookbackMinutes(this, options);
	if (this.getMode() === 'manual') return await fetchTestEvent(this, source);

	const staticData = this.getWorkflowStaticData('node');
	const saved = readState(staticData, source.stateKey);
	if (!saved) {
		const baseline = await takeBaseline(this, source, lookbackMinutes);
		if (lookbackMinutes <= 0) {
			writeState(staticData, source.stateKey, baseline);
			return null;
		}
		const result = await scan(this, source, baseline);
		writeState(staticData, source.stateKey, result ? result.next : baseline);
		return result?.items.length ? [result.items] : null;
	}
	const result = await scan(this, source, saved);
	if (!result) return null;
	writeState(staticData, source.stateKey, result.next);
	return result.items.length ? [result.items] : null;
}
