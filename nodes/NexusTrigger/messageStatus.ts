import type { IDataObject } from 'n8n-workflow';

import { listExpression } from '../Nexus/shared/postgrest';
import { instantMinus } from '../shared/instants';
import { normalizeStatus } from './events';
import type { RowEvent, WatchedSource } from './watchedSource';

/**
 * Outbound message statuses: `messages` has no `updated_at`, so a status change cannot be found
 * with a cursor. Every poll reads again the outbound messages created in the last `windowHours`
 * (by the server's clock) whose status is one of the chosen ones, and remembers the status each
 * was last seen with (the most recent MEMORY_LIMIT): a message is emitted when it reaches a chosen
 * status it was not seen with. A message that changes status after the window has passed it is
 * not seen.
 */

export const MESSAGE_STATUSES = ['failed', 'read'] as const;

export const DEFAULT_MESSAGE_WINDOW_HOURS = 24;

/** messageFailed, messageRead (or message + any other status given with an expression). */
function eventOf(row: IDataObject): RowEvent {
	const status = normalizeStatus(row.status);
	const name = status.replace(/(^|_)([a-z])/g, (_match, _sep: string, letter: string) => letter.toUpperCase());
	return { fields: { event: `message${name}`, status: row.status } };
}

export function messageStatusSource(statuses: string[], windowHours: number): WatchedSource {
	return {
		name: 'messageStatus',
		stateKey: 'nexusMessageStatus',
		table: 'messages',
		column: 'created_at',
		what: 'messages',
		filters: { direction: 'eq.outbound', status: `in.${listExpression(statuses)}` },
		// Each message with its chat (contact name, phone, platform), embedded in the same request.
		rowQuery: { select: '*,chat:chats(*)' },
		memory: { select: 'id,status,created_at', valueOf: (row) => normalizeStatus(row.status) },
		window: { startOf: (state) => (state.serverTime ? instantMinus(state.serverTime, windowHours * 60) : undefined) },
		events: (row, seen) => (seen.previous === normalizeStatus(row.status) ? [] : [eventOf(row)]),
		async toItems(_context, pending) {
			return pending.map(({ row, event: { fields } }) => {
				const { chat, ...message } = row;
				return { json: { ...fields, message, chat: chat ?? null } };
			});
		},
		test: {
			filters: {},
			order: 'created_at.desc,id.desc',
			event: eventOf,
		},
	};
}
