import type { IDataObject } from 'n8n-workflow';

import type { RowEvent, WatchedSource } from './watchedSource';

/**
 * Contact Updated: `customers` read by `(updated_at, id)`, the keyset orders use. For each of the
 * most recently changed contacts the trigger keeps a fingerprint (a short hash per field), so
 * when such a contact changes the item names the fields that changed. A contact older than that
 * memory fires with `changedFields: null`. A contact created after the previous poll is a new
 * contact (the New Contact source), not an update; an update that changed no field (only
 * `updated_at` moved) of a contact whose fingerprint is known fires nothing.
 */

/** Contacts whose fingerprint is kept (~150 bytes each). */
export const CONTACT_MEMORY_LIMIT = 2000;

/** Fields whose change is not an update of the contact itself. */
const NOT_COMPARED = new Set(['updated_at']);

/** FNV-1a, 32 bits, in base 36: short, and collisions between one contact's fields do not matter. */
function hash(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h.toString(36);
}

function fieldHashes(row: IDataObject): Map<string, string> {
	const hashes = new Map<string, string>();
	for (const name of Object.keys(row).sort()) {
		if (!NOT_COMPARED.has(name)) hashes.set(name, hash(`${name}=${JSON.stringify(row[name] ?? null)}`));
	}
	return hashes;
}

/** A contact's fingerprint: one hash per field (name and value), in field-name order. */
export function contactFingerprint(row: IDataObject): string {
	return [...fieldHashes(row).values()].join(',');
}

/** Fields of `row` whose name and value are not in the earlier fingerprint. */
export function changedFields(previous: string, row: IDataObject): string[] {
	const before = new Set(previous.split(','));
	return [...fieldHashes(row)].filter(([, fieldHash]) => !before.has(fieldHash)).map(([name]) => name);
}

export function contactUpdateSource(): WatchedSource {
	return {
		name: 'updatedContacts',
		stateKey: 'nexusContactUpdates',
		table: 'customers',
		column: 'updated_at',
		what: 'contacts',
		filters: {},
		rowQuery: { select: '*' },
		memory: { select: '*', valueOf: contactFingerprint, limit: CONTACT_MEMORY_LIMIT },
		events: (row, seen): RowEvent[] => {
			if (seen.isNew) return [];
			if (seen.previous === undefined) return [{ fields: { event: 'contactUpdated', changedFields: null } }];
			const changed = changedFields(seen.previous, row);
			return changed.length ? [{ fields: { event: 'contactUpdated', changedFields: changed } }] : [];
		},
		async toItems(_context, pending) {
			return pending.map(({ row, event: { fields } }) => ({ json: { ...fields, contact: row } }));
		},
		test: {
			filters: {},
			order: 'updated_at.desc,id.desc',
			event: (row, remembered) => ({
				fields: { event: 'contactUpdated', changedFields: remembered === undefined ? null : changedFields(remembered, row) },
			}),
		},
	};
}
