import type { INode } from 'n8n-workflow';

import { toRfc3339 } from '../../nodes/shared/dateTime';
import { checkIdList } from '../../nodes/shared/ids';
import { checkWholeNumber } from '../../nodes/shared/numbers';
import { splitList } from '../../nodes/shared/parameters';

const node = { id: 'n', name: 'Nex', type: 'n8n-nodes-nex.nex', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
const context = { getNode: () => node };

describe('toRfc3339', () => {
	test.each([
		['2026-03-01T09:00:00Z', 'UTC', '2026-03-01T09:00:00.000Z'],
		['2026-03-01T09:00:00+02:00', 'UTC', '2026-03-01T07:00:00.000Z'],
		['2026-03-01T09:00:00', 'UTC', '2026-03-01T09:00:00.000Z'],
		['2026-03-01T09:00:00', 'Europe/Berlin', '2026-03-01T08:00:00.000Z'],
		['2026-07-01T09:00:00', 'Europe/Berlin', '2026-07-01T07:00:00.000Z'],
		['2026-03-01T09:00:00', 'America/New_York', '2026-03-01T14:00:00.000Z'],
		['2026-03-01', 'UTC', '2026-03-01T00:00:00.000Z'],
		['2026-03-01 09:30', 'UTC', '2026-03-01T09:30:00.000Z'],
	])('%s in %s is %s', (value, zone, expected) => {
		expect(toRfc3339(value, zone)).toBe(expected);
	});

	test('a Date or a Luxon-like value is converted', () => {
		expect(toRfc3339(new Date('2026-03-01T09:00:00Z'), 'UTC')).toBe('2026-03-01T09:00:00.000Z');
		expect(toRfc3339({ toISO: () => '2026-03-01T09:00:00.000+01:00' }, 'UTC')).toBe('2026-03-01T08:00:00.000Z');
	});

	test.each([[''], ['next tuesday'], ['2026-13-01'], ['2026-02-30T00:00:00'], ['2026-03-01T25:00:00'], ['1700000000']])(
		'%j is not a date',
		(value) => {
			expect(toRfc3339(value, 'UTC')).toBeUndefined();
		},
	);
});

test('splitList trims, drops blanks and accepts arrays', () => {
	expect(splitList(' 1, 2 ,,3 ')).toEqual(['1', '2', '3']);
	expect(splitList(['4', ' 5 '])).toEqual(['4', '5']);
	expect(splitList('')).toEqual([]);
	expect(splitList(undefined)).toEqual([]);
});

test('checkIdList accepts digits only, keeping ids above 2^53 as typed', () => {
	expect(checkIdList(context, '32710180831586561, 7', 'Record IDs')).toEqual(['32710180831586561', '7']);
	expect(() => checkIdList(context, '1, x2', 'Record IDs')).toThrow('Record IDs contains "x2", which is not a valid id');
});

test('checkWholeNumber names the field and the range', () => {
	expect(checkWholeNumber(node, '7', 'Limit', 1, 100)).toBe(7);
	expect(() => checkWholeNumber(node, 0, 'Limit', 1, 100)).toThrow('Limit must be a whole number between 1 and 100, not "0"');
	expect(() => checkWholeNumber(node, 1.5, 'Frequency', 1)).toThrow('Frequency must be a whole number of at least 1');
});
