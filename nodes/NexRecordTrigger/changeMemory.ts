import type { IDataObject } from 'n8n-workflow';

import { compareInstants } from '../shared/instants';

/**
 * What a Nex poller remembers of what it already emitted, for one watched instant (a record's
 * `updated_at`, a task's `created_at` or `completed_at`), whatever order the server answers in.
 *
 * - Versions older than `floor` count as seen: they were read by an earlier complete scan (or
 *   predate the baseline).
 * - At or after `floor`, `seen` holds the instant of the last version read of every row: a row is
 *   a change when it is missing there or carries a later instant. Rows at `floor` itself are thus
 *   read again and judged by id (boundary-inclusive), whatever the server's timestamp precision.
 *
 * `trimToWindow` keeps the rows of the last second before the newest (the keyset poller's boundary:
 * everything older was read); `trimToCount` keeps the most recently changed rows, up to a bound,
 * raising `floor` past the ones it forgets (the full-scan poller's memory). Instants are compared
 * as the server wrote them, to the nanosecond.
 */

export interface ChangeMemory {
	/** Versions before this instant are seen; null: none is seen by its age alone. */
	floor: string | null;
	/** Row id → instant of the last version read, for versions at or after `floor`. */
	seen: Record<string, string>;
}

export const EMPTY_MEMORY: ChangeMemory = { floor: null, seen: {} };

/** Rows whose last instant a full-scan poller remembers (~60 bytes each in static data). */
export const FULL_SCAN_MEMORY = 5000;

/** Rows of the last BOUNDARY_MS before the newest are read again and judged by id. */
export const BOUNDARY_MS = 1000;

/** Whether a version at `at` is recent enough to be judged by id (older ones are seen). */
export function isAtOrAfterFloor(memory: ChangeMemory, at: string): boolean {
	return memory.floor === null || compareInstants(at, memory.floor) >= 0;
}

export function isUnseen(memory: ChangeMemory, id: string, at: string): boolean {
	if (!isAtOrAfterFloor(memory, at)) return false;
	const known = memory.seen[id];
	return known === undefined || compareInstants(at, known) > 0;
}

/** The memory saved in static data, or undefined when there is none or it is unreadable. */
export function readMemory(raw: unknown): ChangeMemory | undefined {
	if (!raw || typeof raw !== 'object') return undefined;
	const { floor, seen } = raw as IDataObject;
	if (floor !== null && typeof floor !== 'string') return undefined;
	const entries = Object.entries((seen && typeof seen === 'object' ? seen : {}) as IDataObject);
	return { floor, seen: Object.fromEntries(entries.filter((entry): entry is [string, string] => typeof entry[1] === 'string')) };
}

/** The memory plus what a complete scan read (the newer instant of a row wins). */
export function merge(memory: ChangeMemory, readings: Map<string, string>): ChangeMemory {
	const seen = { ...memory.seen };
	for (const [id, at] of readings) {
		if (!isAtOrAfterFloor(memory, at)) continue;
		if (seen[id] === undefined || compareInstants(at, seen[id]) > 0) seen[id] = at;
	}
	return { floor: memory.floor, seen };
}

function newestFirst(memory: ChangeMemory): Array<[string, string]> {
	return Object.entries(memory.seen).sort((a, b) => compareInstants(b[1], a[1]));
}

function keepFrom(entries: Array<[string, string]>, floor: string): ChangeMemory {
	return { floor, seen: Object.fromEntries(entries.filter(([, at]) => compareInstants(at, floor) >= 0)) };
}

/** After a complete keyset scan: only the rows of the last BOUNDARY_MS before the newest. */
export function trimToWindow(memory: ChangeMemory): ChangeMemory {
	const entries = newestFirst(memory);
	if (entries.length === 0) return memory;
	const start = windowStart(entries[0][1]);
	const kept = entries.filter(([, at]) => compareInstants(at, start) >= 0);
	return keepFrom(entries, kept[kept.length - 1][1]);
}

/** The instant BOUNDARY_MS before `at` (ISO, ms); `at` itself when it is not a timestamp. */
export function windowStart(at: string): string {
	const ms = Date.parse(at);
	return Number.isNaN(ms) ? at : new Date(ms - BOUNDARY_MS).toISOString();
}

/**
 * After a complete full scan: the `limit` most recently changed rows. Rows sharing the instant of
 * the last one kept are all kept, so every row at the new floor that is not remembered is new.
 */
export function trimToCount(memory: ChangeMemory, limit: number): ChangeMemory {
	const entries = newestFirst(memory);
	if (entries.length <= limit) return memory;
	return keepFrom(entries, entries[limit - 1][1]);
}

/**
 * The rows one scan read, by id, at the instant first read. A row read twice in one scan (the
 * listing moved under offset paging) is a change only when its second reading is later.
 */
export class ScanReadings {
	readonly byId = new Map<string, string>();

	/** Records a reading; false when this version was read already in this scan. */
	read(id: string, at: string): boolean {
		const earlier = this.byId.get(id);
		if (earlier !== undefined && compareInstants(at, earlier) <= 0) return false;
		this.byId.set(id, at);
		return true;
	}
}
