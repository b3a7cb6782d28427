import { listEntries } from './listEntries';

/**
 * Which events one observed order change yields, given what the trigger knew about the order
 * before and what the user selected. Pure: no requests, no clock.
 *
 * - Order Created: the order was created after the previous completed scan.
 * - Status events (Status Changed, Shipped, Delivered, Cancelled) need a transition: the status
 *   differs from the one remembered for the order. A new order that was not changed since it was
 *   created yields Order Created only (its first status is where it was created, not a change).
 *   A new order that was changed after it was created (`updated_at` later than `created_at`, e.g.
 *   created and shipped while n8n was down) had a status before that the trigger never saw: it
 *   is treated like an unknown previous status (below), so its shipping is not missed.
 * - Previous status unknown (an order older than the trigger's memory: it existed before the
 *   baseline, or was forgotten past the memory bound): with "emit" (default) it counts as a change
 *   to its current status with `previousStatus: null`, so a real transition is never missed; the
 *   cost is one extra event when such an order changes in some other way. With "skip" it yields
 *   no status event. Either way its status is remembered from then on.
 * - A "From" filter matches only a known previous status; a "To" filter matches the new status.
 * - Any Order Change: every created or updated order, once per change.
 *
 * Statuses are compared trimmed and case-insensitively; any value the server returns is accepted.
 */

export const ORDER_EVENTS = [
	'orderCreated',
	'orderStatusChanged',
	'orderShipped',
	'orderDelivered',
	'orderCancelled',
	'orderUpdated',
] as const;

export type OrderEvent = (typeof ORDER_EVENTS)[number];

/** Status events fired when an order reaches this status. */
const STATUS_REACHED: Partial<Record<OrderEvent, string>> = {
	orderShipped: 'shipped',
	orderDelivered: 'delivered',
	orderCancelled: 'cancelled',
};

export type UnknownPreviousStatus = 'emit' | 'skip';

export interface EventSelection {
	events: OrderEvent[];
	/** Status Changed only from these statuses (empty: any). */
	fromStatuses: string[];
	/** Status Changed only to these statuses (empty: any). */
	toStatuses: string[];
	unknownPreviousStatus: UnknownPreviousStatus;
}

export interface OrderObservation {
	/** Created after the previous completed scan. */
	isNew: boolean;
	/** Changed after it was created (`updated_at` later than `created_at`). */
	changedSinceCreated?: boolean;
	/** Status remembered from before; undefined when unknown. */
	previousStatus: string | undefined;
	/** `order_status` now (null/absent on the server is treated as ''). */
	status: string;
}

export interface OrderEventMatch {
	event: OrderEvent;
	/** Status events only: the remembered status (null when unknown). */
	previousStatus?: string | null;
	/** Status events only. */
	newStatus?: string;
}

export function normalizeStatus(status: unknown): string {
	return status === undefined || status === null ? '' : String(status).trim().toLowerCase();
}

/** A status list from a multi-select or an expression (array or comma-separated text). */
export function statusList(value: unknown): string[] {
	return [...new Set(listEntries(value).map(normalizeStatus).filter((status) => status !== ''))];
}

export function isOrderEvent(value: unknown): value is OrderEvent {
	return typeof value === 'string' && (ORDER_EVENTS as readonly string[]).includes(value);
}

/** Whether any selected event needs the remembered status (a status event). */
export function needsStatusMemory(selection: EventSelection): boolean {
	return selection.events.some((event) => event === 'orderStatusChanged' || STATUS_REACHED[event] !== undefined);
}

/** The events one order change yields, in the order of ORDER_EVENTS. */
export function orderEvents(observation: OrderObservation, selection: EventSelection): OrderEventMatch[] {
	const selected = new Set(selection.events);
	const status = normalizeStatus(observation.status);
	const known = observation.previousStatus !== undefined;
	const previous = known ? normalizeStatus(observation.previousStatus) : undefined;
	const changed = observation.isNew
		? observation.changedSinceCreated === true && selection.unknownPreviousStatus === 'emit'
		: known
			? previous !== status
			: selection.unknownPreviousStatus === 'emit';
	const transition = { previousStatus: known ? (observation.previousStatus as string) : null, newStatus: observation.status };

	const matches: OrderEventMatch[] = [];
	for (const event of ORDER_EVENTS) {
		if (!selected.has(event)) continue;
		if (event === 'orderCreated') {
			if (observation.isNew) matches.push({ event });
		} else if (event === 'orderUpdated') {
			matches.push({ event });
		} else if (event === 'orderStatusChanged') {
			if (!changed) continue;
			if (selection.fromStatuses.length && (previous === undefined || !selection.fromStatuses.includes(previous))) continue;
			if (selection.toStatuses.length && !selection.toStatuses.includes(status)) continue;
			matches.push({ event, ...transition });
		} else if (changed && STATUS_REACHED[event] === status) {
			matches.push({ event, ...transition });
		}
	}
	return matches;
}

/**
 * For "Fetch test event": the statuses the latest matching order must have, or undefined when
 * any order can match (Order Created, Any Order Change, or Status Changed without a "To" filter).
 */
export function testEventStatuses(selection: EventSelection): string[] | undefined {
	const statuses = new Set<string>();
	for (const event of selection.events) {
		if (event === 'orderCreated' || event === 'orderUpdated') return undefined;
		if (event === 'orderStatusChanged') {
			if (!selection.toStatuses.length) return undefined;
			for (const status of selection.toStatuses) statuses.add(status);
		}
		const reached = STATUS_REACHED[event];
		if (reached) statuses.add(reached);
	}
	return [...statuses];
}

/**
 * For "Fetch test event": the event the latest order stands for. The order is shown as the
 * event it would most specifically fire (Shipped before Status Changed before Created before
 * Any Order Change); the previous status is the remembered one when it differs, else null.
 */
export function testEventFor(
	status: string,
	rememberedStatus: string | undefined,
	selection: EventSelection,
): OrderEventMatch | undefined {
	const selected = new Set(selection.events);
	const normalized = normalizeStatus(status);
	const previous =
		rememberedStatus !== undefined && normalizeStatus(rememberedStatus) !== normalized ? rememberedStatus : null;
	for (const event of ['orderShipped', 'orderDelivered', 'orderCancelled'] as const) {
		if (selected.has(event) && STATUS_REACHED[event] === normalized) return { event, previousStatus: previous, newStatus: status };
	}
	if (selected.has('orderStatusChanged') && (!selection.toStatuses.length || selection.toStatuses.includes(normalized))) {
		return { event: 'orderStatusChanged', previousStatus: previous, newStatus: status };
	}
	if (selected.has('orderCreated')) return { event: 'orderCreated' };
	if (selected.has('orderUpdated')) return { event: 'orderUpdated' };
	return undefined;
}
