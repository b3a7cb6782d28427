import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestContext } from '../shared/executor';
import { quoteIfNeeded } from '../Nexus/shared/postgrest';
import { NEXUS_MAX_PAGE_SIZE, nexusApiRequest } from '../Nexus/shared/transport';
import {
	afterCursorFilter,
	beforeCursorFilter,
	MEMORY_LIMIT,
	nextBoundaryIds,
	readState,
	RowMemory,
	sameInstant,
	writeState,
	type KeysetCursor,
	type TriggerState,
} from './cursor';
import { ScanMemory } from './scanMemory';
import { TRIGGER_TIMEOUT_MS } from './timeout';
import { readLookbackMinutes, readSource } from './parameters';
import type { PendingRow, WatchedSource } from './sources';

/**
 * One poll of the Nexus Trigger, for whichever source it watches (sources.ts).
 *
 * - First activation: records a baseline (the newest row's `(column, id)`, and for sources that
 *   compare with an earlier value, the values of the most recently changed rows up to the memory
 *   bound, so their next change has a known previous value) and emits nothing; or, with "Emit
 *   Recent Changes on Activation", starts N minutes before the server's clock (its `Date` header)
 *   and emits what changed since.
 * - Later polls: read every row after the cursor, oldest first, 100 rows per request, with a
 *   keyset filter on `(column, id)`. Line items come embedded in the pages of orders; other details (AWBs,
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

function requestContext(context: IPollFunctions): RequestContext {
	// The transport needs only getNode, getNodeParameter, getCredentials and helpers.httpRequestWithAuthentication.
	return context as unknown as RequestContext;
}

/** One request for rows of the source; the answer must be a list of rows with `id` and the cursor column. */
async function getRows(
	context: IPollFunctions,
	source: WatchedSource,
	qs: IDataObject,
): Promise<{ rows: IDataObject[]; headers: IDataObject }> {
	const answer = await nexusApiRequest.call(
		requestContext(context),
		'GET',
		`/rest/v1/${source.table}`,
		{ safeToRepeat: true, what: source.what, defaultTimeoutMs: TRIGGER_TIMEOUT_MS },
		{ qs: { ...source.filters, ...qs } },
	);
	if (!Array.isArray(answer.body)) {
		throw new NodeOperationError(context.getNode(), `Nexus answered the ${source.what} query with something other than a list of rows`, {
			description: 'Check the Base URL in the Nexus API credential: it must be the root of the Nexus API (REST under /rest/v1).',
		});
	}
	const rows = answer.body as IDataObject[];
	for (const row of rows) {
		if (typeof row.id !== 'string' || typeof row[source.column] !== 'string') {
			throw new NodeOperationError(context.getNode(), `Nexus answered a row of ${source.table} without "id" or "${source.column}"`, {
				description: `The trigger reads ${source.what} in ${source.column} and id order; check that the ${source.table} table exposes both columns.`,
			});
		}
	}
	return { rows, headers: answer.headers };
}

function cursorOf(source: WatchedSource, row: IDataObject): KeysetCursor {
	return { at: row[source.column] as string, id: row.id as string };
}

function rememberedValue(source: WatchedSource, row: IDataObject): string | undefined {
	if (!source.memoryColumn) return undefined;
	const value = row[source.memoryColumn];
	return value === undefined || value === null ? '' : String(value);
}

/** The server's clock from a response's `Date` header, minus `minutes`, as an ISO timestamp. */
function serverTimeMinus(headers: IDataObject, minutes: number): string | undefined {
	const date = Array.isArray(headers.date) ? headers.date[0] : headers.date;
	const parsed = typeof date === 'string' ? Date.parse(date) : Number.NaN;
	if (Number.isNaN(parsed)) return undefined;
	return new Date(parsed - minutes * 60_000).toISOString();
}

/**
 * Remembers the values of the most recently changed rows before `cursor` (inclusive), newest
 * first, up to the memory bound: when they change later, their previous value is known. Keyset
 * pages, so rows changing meanwhile (they move past the cursor) are not misread.
 */
async function rememberRecent(context: IPollFunctions, source: WatchedSource, cursor: KeysetCursor): Promise<Record<string, string>> {
	const memoryColumn = source.memoryColumn as string;
	const newestFirst: Array<[string, string]> = [];
	let filter = beforeCursorFilter(cursor, quoteIfNeeded, source.column);
	for (;;) {
		const { rows } = await getRows(context, source, {
			select: `id,${memoryColumn},${source.column}`,
			...filter,
			order: `${source.column}.desc,id.desc`,
			limit: Math.min(NEXUS_MAX_PAGE_SIZE, MEMORY_LIMIT - newestFirst.length),
		});
		for (const row of rows) newestFirst.push([row.id as string, rememberedValue(source, row) as string]);
		if (rows.length < NEXUS_MAX_PAGE_SIZE || newestFirst.length >= MEMORY_LIMIT) break;
		filter = beforeCursorFilter(cursorOf(source, rows[rows.length - 1]), quoteIfNeeded, source.column, false);
	}
	const memory = new RowMemory();
	for (let i = newestFirst.length - 1; i >= 0; i--) memory.remember(newestFirst[i][0], newestFirst[i][1]);
	return memory.toRecord();
}

/** First activation: the baseline, or the start of the "recent changes" window. */
async function takeBaseline(context: IPollFunctions, source: WatchedSource, lookbackMinutes: number): Promise<TriggerState> {
	const { rows, headers } = await getRows(context, source, {
		select: `id,${source.column}`,
		order: `${source.column}.desc,id.desc`,
		limit: 1,
	});
	let cursor: KeysetCursor | null = rows.length ? cursorOf(source, rows[0]) : null;
	if (lookbackMinutes > 0) {
		const start = serverTimeMinus(headers, lookbackMinutes) ?? cursor?.at;
		cursor = start === undefined ? null : { at: start, id: null };
	}
	const remembered = source.memoryColumn && cursor && rows.length ? await rememberRecent(context, source, cursor) : {};
	return { version: 1, cursor, boundaryIds: [], remembered };
}

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
	const readings = new ScanMemory(state.cursor, new RowMemory(state.remembered));
	const memory = new RowMemory(state.remembered);
	const boundary = new Set(state.boundaryIds);
	const items: INodeExecutionData[] = [];
	let position = state.cursor;
	for (;;) {
		const { rows } = await getRows(context, source, {
			...source.rowQuery,
			...(position ? afterCursorFilter(position, quoteIfNeeded, source.column) : {}),
			order: `${source.column}.asc,id.asc`,
			limit: NEXUS_MAX_PAGE_SIZE,
		});
		const pending: PendingRow[] = [];
		for (const row of rows) {
			const id = row.id as string;
			const at = row[source.column] as string;
			const value = rememberedValue(source, row);
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
	if (!scanned.length) return undefined;
	return {
		items,
		next: {
			version: 1,
			cursor: position,
			boundaryIds: nextBoundaryIds(state.boundaryIds, state.cursor, position, scanned),
			remembered: memory.toRecord(),
		},
	};
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
