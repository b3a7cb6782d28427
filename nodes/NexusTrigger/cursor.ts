import type { IDataObject } from 'n8n-workflow';

import { compareInstants, sameInstant } from '../shared/instants';

/**
 * What the Nexus Trigger remembers between polls (the node's workflow static data), and the
 * pure rules that read and advance it. Nothing here looks at the n8n host's clock: every
 * position is a value the server wrote (a timestamp column and `id`).
 *
 * Static data layout: one entry per watched source (`nexusOrders`, `nexusInboundMessages`,
 * `nexusNewContacts`, `nexusLowStock`, `nexusContactUpdates`, `nexusShipments`, `nexusCalls`,
 * `nexusMessageStatus`), each at format version 1:
 *
 * - `cursor`: `{at, id}` of the last row of the last completed scan, exactly as the server wrote
 *   them (`at` is the source's cursor column: `updated_at` for orders, `created_at` for messages
 *   and contacts, `last_updated` for stock); `null` when the baseline found no rows at all (every
 *   row is then new); `{at, id: null}` for the "emit recent changes" start, meaning `column >= at`.
 * - `boundaryIds`: ids of rows read with the cursor's instant, at most `BOUNDARY_IDS_LIMIT`. The
 *   `(column, id)` query already excludes them; this set is a second guard so a server whose
 *   timestamps do not round-trip exactly cannot make them repeat.
 * - `serverTime` (sources that read a recent window, e.g. message statuses): the server's clock
 *   (`Date` header) when the last completed scan began.
 * - `remembered`: the last seen value by row id (an order's `order_status`, a stock row's
 *   `available_quantity`), at most `MEMORY_LIMIT` rows, least recently changed first (JSON keeps
 *   the insertion order of non-numeric keys). Past the bound the least recently changed rows are
 *   forgotten; when a forgotten row changes again its previous value is unknown (see events.ts for
 *   what that yields for orders, sources.ts for stock).
 */

export const STATE_VERSION = 1;

/** Rows whose last value is remembered: ~50 bytes each, so at most ~250 kB of static data. */
export const MEMORY_LIMIT = 5000;

/** Boundary ids kept; more rows than this rarely share one microsecond outside bulk updates. */
export const BOUNDARY_IDS_LIMIT = 1000;

export interface KeysetCursor {
	/** The cursor column's value as the server wrote it. */
	at: string;
	/** `id` of the last row at `at`; null: start at `at` inclusive (the "recent changes" start). */
	id: string | null;
}

export interface TriggerState {
	version: number;
	cursor: KeysetCursor | null;
	boundaryIds: string[];
	remembered: Record<string, string>;
	/** The server's clock (its `Date` header) when the last completed scan began; for sources that read a window before it. */
	serverTime?: string;
}

function isCursor(value: unknown): value is KeysetCursor {
	if (!value || typeof value !== 'object') return false;
	const cursor = value as Record<string, unknown>;
	return typeof cursor.at === 'string' && (typeof cursor.id === 'string' || cursor.id === null);
}

/** The saved state under `key`, or undefined when there is none (first activation) or it is unreadable. */
export function readState(staticData: IDataObject, key: string): TriggerState | undefined {
	const raw = staticData[key] as Record<string, unknown> | undefined;
	if (!raw || typeof raw !== 'object' || raw.version !== STATE_VERSION) return undefined;
	if (raw.cursor !== null && !isCursor(raw.cursor)) return undefined;
	const remembered: Record<string, string> = {};
	if (raw.remembered && typeof raw.remembered === 'object') {
		for (const [id, value] of Object.entries(raw.remembered as Record<string, unknown>)) {
			if (typeof value === 'string') remembered[id] = value;
		}
	}
	const boundaryIds = Array.isArray(raw.boundaryIds) ? raw.boundaryIds.filter((id): id is string => typeof id === 'string') : [];
	const state: TriggerState = { version: STATE_VERSION, cursor: raw.cursor as KeysetCursor | null, boundaryIds, remembered };
	if (typeof raw.serverTime === 'string') state.serverTime = raw.serverTime;
	return state;
}

export function writeState(staticData: IDataObject, key: string, state: TriggerState): void {
	staticData[key] = {
		version: STATE_VERSION,
		cursor: state.cursor ? { at: state.cursor.at, id: state.cursor.id } : null,
		boundaryIds: [...state.boundaryIds],
		remembered: { ...state.remembered },
		...(state.serverTime === undefined ? {} : { serverTime: state.serverTime }),
	};
}

/**
 * Whether a row with this `(timestamp, id)` lies after the cursor, ordering like the server:
 * by instant, then by id (ids are lower-case UUIDs, whose text order is Postgres' uuid order).
 * A null cursor (the baseline found no orders) puts every row after it.
 */
export function isAfterCursor(timestamp: string, id: string, cursor: KeysetCursor | null): boolean {
	if (!cursor) return true;
	const order = compareInstants(timestamp, cursor.at);
	if (order !== 0) return order > 0;
	if (cursor.id === null) return true;
	return id.toLowerCase() > cursor.id.toLowerCase();
}

/**
 * PostgREST filter for rows strictly after the cursor in `(column, id)` order, so rows sharing
 * the cursor's instant are still read, once, even across a page boundary. `quote` is PostgREST's
 * value quoting for logic trees (timestamps contain `:` and `.`).
 */
export function afterCursorFilter(cursor: KeysetCursor, quote: (value: string) => string, column = 'updated_at'): IDataObject {
	if (cursor.id === null) return { [column]: `gte.${cursor.at}` };
	const at = quote(cursor.at);
	return { or: `(${column}.gt.${at},and(${column}.eq.${at},id.gt.${quote(cursor.id)}))` };
}

/**
 * The other way: rows at or before the cursor (`inclusive`), or strictly before it, for reading
 * older rows newest first.
 */
export function beforeCursorFilter(
	cursor: KeysetCursor,
	quote: (value: string) => string,
	column = 'updated_at',
	inclusive = true,
): IDataObject {
	if (cursor.id === null) return { [column]: `lt.${cursor.at}` };
	const at = quote(cursor.at);
	return { or: `(${column}.lt.${at},and(${column}.eq.${at},id.${inclusive ? 'lte' : 'lt'}.${quote(cursor.id)}))` };
}

/**
 * Last seen value by row id, least recently changed first, at most `limit` rows: recording a row
 * moves it to the end, and past the bound the first (least recently changed) are dropped.
 */
export class RowMemory {
	private readonly values: Map<string, string>;

	constructor(
		saved: Record<string, string> = {},
		readonly limit = MEMORY_LIMIT,
	) {
		this.values = new Map(Object.entries(saved));
		this.evict();
	}

	get(id: string): string | undefined {
		return this.values.get(id);
	}

	get size(): number {
		return this.values.size;
	}

	remember(id: string, value: string): void {
		this.values.delete(id);
		this.values.set(id, value);
		if (this.values.size > this.limit) this.evict();
	}

	toRecord(): Record<string, string> {
		return Object.fromEntries(this.values);
	}

	private evict(): void {
		for (const id of this.values.keys()) {
			if (this.values.size <= this.limit) break;
			this.values.delete(id);
		}
	}
}

/**
 * After a scan: the ids at the new cursor's instant. When the cursor stayed at the same instant
 * the previous boundary ids are kept too; the newest `limit` are retained.
 */
export function nextBoundaryIds(
	previous: TriggerState['boundaryIds'],
	previousCursor: KeysetCursor | null,
	nextCursor: KeysetCursor | null,
	scanned: Array<{ id: string; at: string }>,
	limit = BOUNDARY_IDS_LIMIT,
): string[] {
	if (!nextCursor) return [];
	const ids: string[] = [];
	if (previousCursor && sameInstant(previousCursor.at, nextCursor.at)) ids.push(...previous);
	for (const row of scanned) if (sameInstant(row.at, nextCursor.at)) ids.push(row.id);
	const unique = [...new Set(ids)];
	return unique.slice(Math.max(0, unique.length - limit));
}
