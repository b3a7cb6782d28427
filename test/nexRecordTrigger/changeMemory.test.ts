import type { IDataObject } from 'n8n-workflow';

import { isUnseen, merge, ScanReadings, trimToCount, trimToWindow } from '../../nodes/NexRecordTrigger/changeMemory';
import { readOffsetPages } from '../../nodes/NexRecordTrigger/offsetPages';

/** The pure rules of the Nex Record Trigger: what counts as seen, what is kept, how pages overlap. */

const at = (second: number, fraction = '') => `2030-01-01T00:00:${String(second).padStart(2, '0')}${fraction}Z`;

test('versions before the floor are seen; at or after it, a row is new unless remembered at that instant or later', () => {
	const memory = { floor: at(10), seen: { a: at(10), b: at(12) } };
	expect(isUnseen(memory, 'x', at(9))).toBe(false);
	expect(isUnseen(memory, 'x', at(10))).toBe(true);
	expect(isUnseen(memory, 'a', at(10))).toBe(false);
	// The same instant written with more digits (Postgres trims trailing zeros) is the same instant.
	expect(isUnseen(memory, 'a', at(10, '.000000'))).toBe(false);
	expect(isUnseen(memory, 'b', at(12, '.000001'))).toBe(true);
	expect(isUnseen(memory, 'b', at(11))).toBe(false);
});

test('trimToCount keeps the most recent rows and every row sharing the instant of the last one kept', () => {
	const memory = merge(
		{ floor: null, seen: {} },
		new Map([
			['old', at(1)],
			['tie1', at(5)],
			['tie2', at(5)],
			['new', at(9)],
		]),
	);
	expect(trimToCount(memory, 2)).toEqual({ floor: at(5), seen: { new: at(9), tie1: at(5), tie2: at(5) } });
	expect(trimToCount(memory, 10)).toBe(memory);
});

test('trimToWindow keeps the rows of the last second before the newest', () => {
	const memory = { floor: null, seen: { a: at(1), b: at(8, '.5'), c: at(9), d: at(9, '.25') } };
	expect(trimToWindow(memory)).toEqual({ floor: at(8, '.5'), seen: { d: at(9, '.25'), c: at(9), b: at(8, '.5') } });
});

test('a row read twice in one scan counts again only when it moved to a later instant', () => {
	const readings = new ScanReadings();
	expect(readings.read('a', at(1))).toBe(true);
	expect(readings.read('a', at(1, '.0'))).toBe(false);
	expect(readings.read('a', at(2))).toBe(true);
});

test('rows deleted while paging: the next page does not start with the overlap row, so the page before is read again and none is skipped', async () => {
	const listing: IDataObject[] = Array.from({ length: 25 }, (_, i) => ({ id: `r${i}` }));
	const seen = new Set<string>();
	let requests = 0;
	await readOffsetPages(
		async (offset, limit) => {
			requests++;
			// After the first page was read, three rows it held are deleted.
			if (requests === 2) listing.splice(2, 3);
			return { rows: listing.slice(offset, offset + limit) };
		},
		10,
		(rows) => {
			for (const row of rows) seen.add(String(row.id));
			return true;
		},
	);
	const expected = Array.from({ length: 25 }, (_, i) => `r${i}`).filter((id) => !['r2', 'r3', 'r4'].includes(id));
	for (const id of expected) expect(seen.has(id)).toBe(true);
});
