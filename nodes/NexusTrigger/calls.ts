import type { IDataObject } from 'n8n-workflow';

import { instantMinus } from '../shared/instants';
import type { RowEvent, WatchedSource } from './watchedSource';

/**
 * Calls: `call_logs` read by `call_date`. The PBX syncs its log late, so a row can arrive with a
 * `call_date` before calls already read. Every poll therefore reads again from `overlapMinutes`
 * before the newest call read, and the ids already emitted (the most recent MEMORY_LIMIT) tell
 * which rows are new: a row arriving late within the overlap is emitted once, and never again.
 * A row arriving later than the overlap is not seen.
 */

export type CallEvent = 'missedCall' | 'anyCall';

export const DEFAULT_CALL_OVERLAP_MINUTES = 10;

/** Remembered for each call read: it was emitted (or existed at activation). */
const SEEN = '1';

export function callSource(event: CallEvent, overlapMinutes: number): WatchedSource {
	const fields: IDataObject = { event: event === 'missedCall' ? 'callMissed' : 'callLogged' };
	const rowEvent: RowEvent = { fields };
	return {
		name: 'calls',
		stateKey: 'nexusCalls',
		table: 'call_logs',
		column: 'call_date',
		what: 'call logs',
		filters: event === 'missedCall' ? { status: 'eq.missed' } : {},
		rowQuery: { select: '*' },
		memory: { select: 'id,call_date', valueOf: () => SEEN },
		window: { startOf: (state) => (state.cursor ? instantMinus(state.cursor.at, overlapMinutes) : undefined) },
		// Remembered: read by an earlier poll (emitted, or there at activation).
		events: (_row, seen) => (seen.previous === undefined ? [rowEvent] : []),
		async toItems(_context, pending) {
			return pending.map(({ row, event: { fields: eventFields } }) => ({ json: { ...eventFields, call: row } }));
		},
		test: { filters: {}, order: 'call_date.desc,id.desc', event: () => rowEvent },
	};
}
