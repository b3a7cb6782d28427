import type { IDataObject } from 'n8n-workflow';

import { listExpression } from '../Nexus/shared/postgrest';
import { compareInstants } from '../shared/instants';
import { asText } from '../shared/parameters';
import { normalizeStatus } from './events';
import type { RowEvent, WatchedSource } from './watchedSource';

/**
 * Shipment status changes: `awb_status_logs` (one row per move of an AWB, written by Nexus and
 * never changed), read in `(timestamp, id)` order. Each log row comes with its AWB, the AWB's
 * order and the AWB's status history embedded (PostgREST resource embedding: one request per page
 * of 100 moves, none per move). The previous status is the AWB's log row just before this one, so
 * it is known without any memory, across restarts, whenever the AWB has an earlier log row.
 */

export const SHIPMENT_EVENTS = ['shipmentStatusChanged', 'shipmentDelivered', 'shipmentReturned', 'shipmentFailed'] as const;

export type ShipmentEvent = (typeof SHIPMENT_EVENTS)[number];

/** The AWB statuses of the vendor's reference (others the server returns are accepted). */
export const AWB_STATUSES = ['created', 'picked_up', 'in_transit', 'delivered', 'returned', 'failed'] as const;

/** The status each shortcut fires on. */
const SHORTCUT_STATUS: Record<Exclude<ShipmentEvent, 'shipmentStatusChanged'>, string> = {
	shipmentDelivered: 'delivered',
	shipmentReturned: 'returned',
	shipmentFailed: 'failed',
};

export function isShipmentEvent(value: unknown): value is ShipmentEvent {
	return typeof value === 'string' && (SHIPMENT_EVENTS as readonly string[]).includes(value);
}

/** The statuses a selection fires on; undefined: any (Shipment Status Changed, optionally narrowed by `toStatuses`). */
export function shipmentStatuses(events: ShipmentEvent[], toStatuses: string[]): string[] | undefined {
	if (events.includes('shipmentStatusChanged') && !toStatuses.length) return undefined;
	const statuses = new Set<string>(events.includes('shipmentStatusChanged') ? toStatuses : []);
	for (const event of events) if (event !== 'shipmentStatusChanged') statuses.add(SHORTCUT_STATUS[event]);
	return [...statuses];
}

/** The status of the AWB's log row just before `log` in (timestamp, id) order; null when none. */
export function previousShipmentStatus(log: IDataObject, history: unknown): string | null {
	if (!Array.isArray(history)) return null;
	let previous: IDataObject | undefined;
	for (const entry of history as IDataObject[]) {
		if (typeof entry?.timestamp !== 'string' || typeof entry.id !== 'string') continue;
		const order = compareInstants(entry.timestamp, log.timestamp as string);
		const before = order < 0 || (order === 0 && entry.id < (log.id as string));
		if (!before) continue;
		if (!previous) {
			previous = entry;
			continue;
		}
		const later = compareInstants(entry.timestamp, previous.timestamp as string);
		if (later > 0 || (later === 0 && entry.id > (previous.id as string))) previous = entry;
	}
	return previous ? asText(previous.status) : null;
}

/** The events one move yields, in the order of SHIPMENT_EVENTS. */
export function shipmentEvents(status: string, events: ShipmentEvent[], toStatuses: string[]): ShipmentEvent[] {
	const normalized = normalizeStatus(status);
	return events.filter((event) =>
		event === 'shipmentStatusChanged'
			? !toStatuses.length || toStatuses.includes(normalized)
			: SHORTCUT_STATUS[event] === normalized,
	);
}

function eventOf(event: ShipmentEvent): RowEvent {
	return { fields: { event } };
}

export function shipmentSource(events: ShipmentEvent[], toStatuses: string[]): WatchedSource {
	const statuses = shipmentStatuses(events, toStatuses);
	const filters: IDataObject = statuses ? { status: `in.${listExpression(statuses)}` } : {};
	return {
		name: 'shipments',
		stateKey: 'nexusShipments',
		table: 'awb_status_logs',
		column: 'timestamp',
		what: 'shipment status logs',
		filters,
		rowQuery: {
			select: '*,awb:awbs(*,order:orders(*),history:awb_status_logs(id,status,timestamp))',
			'awb.history.order': 'timestamp.asc,id.asc',
		},
		// A log row is written once and never changed: every row after the cursor is a new move
		// (its created_at, a column the reference does not list, is not needed).
		events: (row) => shipmentEvents(asText(row.status), events, toStatuses).map(eventOf),
		async toItems(_context, pending) {
			return pending.map(({ row, event: { fields } }) => {
				const { awb, ...log } = row;
				const { order, history, ...shipment } = (awb && typeof awb === 'object' ? awb : {}) as IDataObject;
				return {
					json: {
						...fields,
						status: log.status,
						previousStatus: previousShipmentStatus(log, history),
						orderId: shipment.order_id ?? null,
						shipment,
						order: order ?? null,
						log,
					},
				};
			});
		},
		test: {
			filters: {},
			order: 'timestamp.desc,id.desc',
			event: (row) => {
				const [event] = shipmentEvents(asText(row.status), events, toStatuses);
				return event ? eventOf(event) : undefined;
			},
		},
	};
}
