import type { IDataObject } from 'n8n-workflow';

import { timeOf } from '../shared/time';

/**
 * The feed poller's cursor: the newest `sent_at` seen, and the ids of the notifications sent in
 * the last BOUNDARY_MS before it.
 *
 * Each poll asks for `since = newest − BOUNDARY_MS`, so the boundary is read again whether the
 * server compares `since` strictly or not and whatever precision its timestamps have. What comes
 * back is new unless its id is among those remembered; a notification sent at the same instant as
 * the cursor but only visible after the last poll is therefore emitted once, never lost. The ids
 * remembered are only those inside the window, so the state stays small.
 */

export const BOUNDARY_MS = 1000;
const STATE_VERSION = 1;

export interface FeedCursor {
	/** A baseline was taken (the first activation emits nothing). */
	initialized: boolean;
	/** Newest `sent_at` seen (ms). */
	newestSentAt?: number;
	/** id → `sent_at` (ms) of notifications within BOUNDARY_MS of the newest. */
	recent: Record<string, number>;
}

export function readCursor(data: IDataObject): FeedCursor {
	if (data.version !== STATE_VERSION || data.initialized !== true) return { initialized: false, recent: {} };
	const recent: Record<string, number> = {};
	if (data.recent && typeof data.recent === 'object') {
		for (const [id, ms] of Object.entries(data.recent as IDataObject)) if (typeof ms === 'number') recent[id] = ms;
	}
	return {
		initialized: true,
		newestSentAt: typeof data.newestSentAt === 'number' ? data.newestSentAt : undefined,
		recent,
	};
}

export function writeCursor(data: IDataObject, cursor: FeedCursor): void {
	data.version = STATE_VERSION;
	data.initialized = cursor.initialized;
	if (cursor.newestSentAt === undefined) delete data.newestSentAt;
	else data.newestSentAt = cursor.newestSentAt;
	data.recent = { ...cursor.recent };
}

/** The `since` parameter for the next poll (undefined: everything is new, the feed was empty). */
export function sinceOf(cursor: FeedCursor): string | undefined {
	return cursor.newestSentAt === undefined ? undefined : new Date(cursor.newestSentAt - BOUNDARY_MS).toISOString();
}

function idOf(item: IDataObject): string {
	return String(item.id ?? '');
}

function advance(cursor: FeedCursor, items: IDataObject[]): FeedCursor {
	let newest = cursor.newestSentAt;
	for (const item of items) {
		const ms = timeOf(item.sent_at);
		if (ms !== undefined && (newest === undefined || ms > newest)) newest = ms;
	}
	const recent: Record<string, number> = {};
	const keep = (id: string, ms: number) => {
		if (newest === undefined || ms >= newest - BOUNDARY_MS) recent[id] = ms;
	};
	for (const [id, ms] of Object.entries(cursor.recent)) keep(id, ms);
	for (const item of items) keep(idOf(item), timeOf(item.sent_at) ?? newest ?? 0);
	return { initialized: true, newestSentAt: newest, recent };
}

/** First activation: remember where the feed stands, emit nothing. */
export function baseline(items: IDataObject[]): FeedCursor {
	return advance({ initialized: true, recent: {} }, items);
}

/** The notifications of one poll not emitted before (oldest first), and the cursor after them. */
export function selectNew(cursor: FeedCursor, items: IDataObject[]): { fresh: IDataObject[]; next: FeedCursor } {
	const lowest = cursor.newestSentAt === undefined ? undefined : cursor.newestSentAt - BOUNDARY_MS;
	const seen = new Set(Object.keys(cursor.recent));
	const fresh = items
		.map((item, index) => ({ item, index, ms: timeOf(item.sent_at) }))
		.filter(({ item, ms }) => {
			const id = idOf(item);
			if (id === '' || seen.has(id)) return false;
			seen.add(id);
			// Older than the window: a server that ignored `since`; it was seen (or predates the baseline).
			return lowest === undefined || ms === undefined || ms >= lowest;
		})
		// The feed answers newest first; emit oldest first. Ties keep the feed's order reversed.
		.sort((a, b) => (a.ms ?? 0) - (b.ms ?? 0) || b.index - a.index)
		.map(({ item }) => item);
	return { fresh, next: advance(cursor, items) };
}
