import type { IDataObject } from 'n8n-workflow';

import { listExpression } from '../Nexus/shared/postgrest';
import { compareInstants } from '../shared/instants';
import { asText } from '../shared/parameters';
import { orderEvents, testEventFor, testEventStatuses, type EventSelection } from './events';
import { itemsWithReferenced, rowsByKey } from './lookups';
import type { RowEvent, WatchedSource } from './watchedSource';

/**
 * The first sources the trigger could watch, each a table read in `(column, id)` order (the
 * others: shipments.ts, calls.ts, messageStatus.ts, contactUpdates.ts):
 *
 * - Orders (`orders`, `updated_at`): the order events of events.ts; remembers `order_status`.
 * - Inbound Messages (`messages` with `direction=inbound`, `created_at`): every new inbound
 *   message, with its chat (contact name, phone, platform). `created_at` (when Nexus stored it),
 *   not `timestamp` (when the platform sent it), so a message stored late is still seen.
 * - New Contacts (`customers`, `created_at`): every new contact.
 * - Low Stock (`stock_balances`, `last_updated`): a stock row whose available quantity dropped
 *   below the threshold, with its item. Remembers `available_quantity`, so a row already below
 *   the threshold fires again only after it went back up; a row not remembered counts as not
 *   below before. Only changes that move `last_updated` (the column Nexus documents) are seen.
 */

export function orderSource(selection: EventSelection, includeLineItems: boolean): WatchedSource {
	const statuses = testEventStatuses(selection);
	const createdOnly = selection.events.every((event) => event === 'orderCreated');
	const toEvent = (match: ReturnType<typeof testEventFor>): RowEvent | undefined => {
		if (!match) return undefined;
		const fields: IDataObject = { event: match.event };
		if (match.newStatus !== undefined) {
			fields.previousStatus = match.previousStatus ?? null;
			fields.newStatus = match.newStatus;
		}
		return { fields, needsAwb: match.event === 'orderShipped' };
	};
	return {
		name: 'orders',
		stateKey: 'nexusOrders',
		table: 'orders',
		column: 'updated_at',
		what: 'orders',
		filters: {},
		// Line items embedded in each page of orders (PostgREST resource embedding).
		rowQuery: includeLineItems ? { select: '*,order_items(*)', 'order_items.order': 'created_at.asc,id.asc' } : { select: '*' },
		memory: { select: 'id,order_status,updated_at', valueOf: (row) => asText(row.order_status) },
		events: (row, seen) =>
			orderEvents(
				{
					isNew: seen.isNew,
					changedSinceCreated: laterThan(row.updated_at, row.created_at),
					previousStatus: seen.previous,
					status: asText(row.order_status),
				},
				selection,
			).map(
				(match) => toEvent(match) as RowEvent,
			),
		async toItems(context, pending) {
			const shippedIds = pending.filter(({ event }) => event.needsAwb).map(({ row }) => asText(row.id));
			// Newest AWB first: an order shipped again (a new AWB) reports the new one.
			const awbs = await rowsByKey(context, 'awbs', 'order_id', shippedIds, 'order_id.asc,created_at.desc');
			return pending.map(({ row, event }) => {
				const order: IDataObject = { ...row };
				if (includeLineItems && !Array.isArray(order.order_items)) order.order_items = [];
				const json: IDataObject = { ...event.fields };
				if (event.needsAwb) json.awb = awbs.get(asText(row.id))?.[0] ?? null;
				json.order = order;
				return { json };
			});
		},
		test: {
			filters: statuses ? { order_status: `in.${listExpression(statuses)}` } : {},
			order: createdOnly ? 'created_at.desc,id.desc' : 'updated_at.desc,id.desc',
			event: (row, remembered) => toEvent(testEventFor(asText(row.order_status), remembered, selection)),
		},
	};
}

export function inboundMessageSource(): WatchedSource {
	const event: RowEvent = { fields: { event: 'messageReceived' } };
	return {
		name: 'inboundMessages',
		stateKey: 'nexusInboundMessages',
		table: 'messages',
		column: 'created_at',
		what: 'messages',
		filters: { direction: 'eq.inbound' },
		rowQuery: { select: '*' },
		// A message is received once: read again in the same scan (its created_at rewritten), it is not new.
		events: (_row, seen) => (seen.isNew ? [event] : []),
		async toItems(context, pending) {
			return await itemsWithReferenced(context, pending, { as: 'message', with: 'chat', table: 'chats', foreignKey: 'chat_id' });
		},
		test: { filters: {}, order: 'created_at.desc,id.desc', event: () => event },
	};
}

export function newContactSource(): WatchedSource {
	const event: RowEvent = { fields: { event: 'contactCreated' } };
	return {
		name: 'newContacts',
		stateKey: 'nexusNewContacts',
		table: 'customers',
		column: 'created_at',
		what: 'contacts',
		filters: {},
		rowQuery: { select: '*' },
		events: (_row, seen) => (seen.isNew ? [event] : []),
		async toItems(_context, pending) {
			return pending.map(({ row, event: { fields } }) => ({ json: { ...fields, contact: row } }));
		},
		test: { filters: {}, order: 'created_at.desc,id.desc', event: () => event },
	};
}

function quantity(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = Number(value);
	return Number.isFinite(number) ? number : undefined;
}

export function lowStockSource(threshold: number): WatchedSource {
	const below = (value: unknown) => {
		const available = quantity(value);
		return available !== undefined && available < threshold;
	};
	const eventFor = (previous: string | undefined): RowEvent => ({
		fields: { event: 'stockBelowThreshold', threshold, previousAvailableQuantity: quantity(previous) ?? null },
	});
	return {
		name: 'lowStock',
		stateKey: 'nexusLowStock',
		table: 'stock_balances',
		column: 'last_updated',
		what: 'stock balances',
		filters: {},
		rowQuery: { select: '*' },
		memory: { select: 'id,available_quantity,last_updated', valueOf: (row) => asText(row.available_quantity) },
		events: (row, seen) => (below(row.available_quantity) && !below(seen.previous) ? [eventFor(seen.previous)] : []),
		async toItems(context, pending) {
			return await itemsWithReferenced(context, pending, { as: 'stock', with: 'item', table: 'items', foreignKey: 'item_id' });
		},
		test: {
			filters: { available_quantity: `lt.${threshold}` },
			order: 'last_updated.desc,id.desc',
			event: (_row, remembered) => eventFor(remembered),
		},
	};
}

/** Whether timestamp `a` is strictly later than `b` (both as the server sends them), to the microsecond and beyond. */
function laterThan(a: unknown, b: unknown): boolean {
	return typeof a === 'string' && typeof b === 'string' && compareInstants(a, b) > 0;
}
