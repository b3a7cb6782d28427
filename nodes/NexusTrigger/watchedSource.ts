import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { TriggerState } from './cursor';

/** What every watched source (sources.ts and the files named for one source) tells the poll. */

export type SourceName =
	| 'orders'
	| 'inboundMessages'
	| 'newContacts'
	| 'updatedContacts'
	| 'lowStock'
	| 'shipments'
	| 'calls'
	| 'messageStatus';

export interface RowSeen {
	/**
	 * Created after the previous completed scan (by `created_at` against the cursor) and not read
	 * earlier in this scan.
	 */
	isNew: boolean;
	/**
	 * The value of the row before this change: as read earlier in this scan, else as remembered
	 * from before it; undefined when unknown.
	 */
	previous: string | undefined;
}

export interface RowEvent {
	/** `event` and the fields describing it (previousStatus, newStatus...). */
	fields: IDataObject;
	/** Order Shipped: look up the AWB. */
	needsAwb?: boolean;
}

export interface PendingRow {
	row: IDataObject;
	event: RowEvent;
}

export interface WatchedSource {
	name: SourceName;
	/** Key of this source's entry in the node's static data. */
	stateKey: string;
	table: string;
	/** The cursor column, a server timestamp. */
	column: string;
	/** Noun for messages: "orders". */
	what: string;
	/** Filters every query of this source carries. */
	filters: IDataObject;
	/** `select` (and embedded orders) of the queries that read whole rows: related rows come embedded, not one request each. */
	rowQuery: IDataObject;
	/** What is remembered per row between polls (absent: nothing). */
	memory?: RowMemorySpec;
	/**
	 * Rows are read again from a window before the cursor on every poll (absent: strictly after
	 * the cursor). A row is then judged by what is remembered of it, not by where it lies.
	 */
	window?: ScanWindow;
	/** The events one changed row yields (in order). */
	events(row: IDataObject, seen: RowSeen): RowEvent[];
	/** The output items for one page's events, with batched (`in.(…)`) lookups. */
	toItems(context: IPollFunctions, pending: PendingRow[]): Promise<INodeExecutionData[]>;
	/** "Fetch test event": filters and sort that find the latest matching row, and its event. */
	test: {
		filters: IDataObject;
		order: string;
		event(row: IDataObject, remembered: string | undefined): RowEvent | undefined;
	};
}

export interface RowMemorySpec {
	/** Columns the baseline reads to remember the most recently changed rows (`*` for whole rows). */
	select: string;
	/** The value kept for a row. */
	valueOf(row: IDataObject): string;
	/** Rows remembered (default MEMORY_LIMIT). */
	limit?: number;
}

export interface ScanWindow {
	/**
	 * Where a poll starts reading (inclusive), from the saved state: an instant before the cursor.
	 * Undefined: the state holds nothing to start from (read from the cursor).
	 */
	startOf(state: TriggerState): string | undefined;
}
