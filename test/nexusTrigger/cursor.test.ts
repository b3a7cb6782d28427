import {
	afterCursorFilter,
	beforeCursorFilter,
	isAfterCursor,
	nextBoundaryIds,
	readState,
	RowMemory,
	writeState,
} from '../../nodes/NexusTrigger/cursor';
import { compareInstants, timestampKey } from '../../nodes/shared/instants';

const KEY = 'nexusOrders';
import { quoteIfNeeded } from '../../nodes/Nexus/shared/postgrest';

describe('timestamps compare by instant, not by text', () => {
	it('treats trimmed fractional digits and different offsets as the same instant', () => {
		expect(timestampKey('2025-03-01T10:00:00.1+00:00')).toBe(timestampKey('2025-03-01T10:00:00.100000+00:00'));
		expect(timestampKey('2025-03-01T12:00:00.5+02:00')).toBe(timestampKey('2025-03-01T10:00:00.500Z'));
		expect(timestampKey('2025-03-01 10:00:00+00')).toBe(timestampKey('2025-03-01T10:00:00Z'));
	});

	it('orders microseconds correctly where the text would not', () => {
		// Text comparison gets offsets wrong ("11:00+01:00" > "10:30+00:00" as text, yet it is earlier).
		expect(compareInstants('2025-03-01T10:00:00.000001+00:00', '2025-03-01T10:00:00+00:00')).toBe(1);
		expect(compareInstants('2025-03-01T11:00:00+01:00', '2025-03-01T10:30:00+00:00')).toBe(-1);
		expect(compareInstants('2025-03-01T10:00:00.12+00:00', '2025-03-01T10:00:00.120000+00:00')).toBe(0);
	});
});

describe('the (updated_at, id) cursor', () => {
	const cursor = { at: '2025-03-01T10:00:00.123456+00:00', id: '5b3f0000-0000-4000-8000-000000000005' };

	it('reads rows strictly after the cursor, including rows at the same instant with a larger id', () => {
		expect(afterCursorFilter(cursor, quoteIfNeeded)).toEqual({
			or: '(updated_at.gt."2025-03-01T10:00:00.123456+00:00",and(updated_at.eq."2025-03-01T10:00:00.123456+00:00",id.gt.5b3f0000-0000-4000-8000-000000000005))',
		});
		expect(afterCursorFilter({ at: cursor.at, id: null }, quoteIfNeeded)).toEqual({
			updated_at: 'gte.2025-03-01T10:00:00.123456+00:00',
		});
		expect(beforeCursorFilter(cursor, quoteIfNeeded)).toEqual({
			or: '(updated_at.lt."2025-03-01T10:00:00.123456+00:00",and(updated_at.eq."2025-03-01T10:00:00.123456+00:00",id.lte.5b3f0000-0000-4000-8000-000000000005))',
		});
		expect(beforeCursorFilter(cursor, quoteIfNeeded, 'last_updated', false)).toEqual({
			or: '(last_updated.lt."2025-03-01T10:00:00.123456+00:00",and(last_updated.eq."2025-03-01T10:00:00.123456+00:00",id.lt.5b3f0000-0000-4000-8000-000000000005))',
		});
		expect(afterCursorFilter({ at: cursor.at, id: null }, quoteIfNeeded, 'created_at')).toEqual({
			created_at: 'gte.2025-03-01T10:00:00.123456+00:00',
		});
	});

	it('places rows relative to the cursor like the server orders them', () => {
		expect(isAfterCursor('2025-03-01T10:00:00.123457+00:00', '0000', cursor)).toBe(true);
		expect(isAfterCursor('2025-03-01T10:00:00.123455+00:00', 'ffff', cursor)).toBe(false);
		expect(isAfterCursor(cursor.at, '5b3f0000-0000-4000-8000-000000000006', cursor)).toBe(true);
		expect(isAfterCursor(cursor.at, cursor.id, cursor)).toBe(false);
		expect(isAfterCursor(cursor.at, '0', { at: cursor.at, id: null })).toBe(true);
		expect(isAfterCursor('1999-01-01T00:00:00Z', '0', null)).toBe(true);
	});

	it('keeps the ids seen at the boundary instant, also when the boundary did not move', () => {
		const at = cursor.at;
		const later = '2025-03-01T10:00:01+00:00';
		expect(nextBoundaryIds(['a'], cursor, { at, id: 'c' }, [{ id: 'b', at }, { id: 'c', at }])).toEqual([
			'a',
			'b',
			'c',
		]);
		expect(
			nextBoundaryIds(['a'], cursor, { at: later, id: 'd' }, [{ id: 'b', at }, { id: 'd', at: later }]),
		).toEqual(['d']);
		const many = Array.from({ length: 5 }, (_, i) => ({ id: `id${i}`, at: later }));
		expect(nextBoundaryIds([], null, { at: later, id: 'id4' }, many, 3)).toEqual(['id2', 'id3', 'id4']);
	});
});

describe('the row memory', () => {
	it('forgets the least recently changed orders past its bound', () => {
		const memory = new RowMemory({}, 3);
		memory.remember('a', 'pending');
		memory.remember('b', 'pending');
		memory.remember('c', 'pending');
		memory.remember('a', 'confirmed'); // a is now the most recent
		memory.remember('d', 'pending'); // evicts b, the least recently changed
		expect(memory.toRecord()).toEqual({ c: 'pending', a: 'confirmed', d: 'pending' });
		expect(Object.keys(memory.toRecord())).toEqual(['c', 'a', 'd']);
		expect(memory.get('b')).toBeUndefined();
		expect(new RowMemory({ x: '1', y: '2', z: '3' }, 2).toRecord()).toEqual({ y: '2', z: '3' });
	});
});

describe('static data', () => {
	it('round-trips through JSON, keeping the order of the status memory', () => {
		const staticData = {};
		writeState(staticData, KEY, {
			version: 1,
			cursor: { at: '2025-03-01T10:00:00.1+00:00', id: 'b' },
			boundaryIds: ['b'],
			remembered: { 'f-1': 'shipped', 'a-2': 'pending' },
		});
		const reloaded = JSON.parse(JSON.stringify(staticData));
		expect(reloaded[KEY].version).toBe(1);
		const state = readState(reloaded, KEY);
		expect(state?.cursor).toEqual({ at: '2025-03-01T10:00:00.1+00:00', id: 'b' });
		expect(Object.keys(state?.remembered ?? {})).toEqual(['f-1', 'a-2']);
		expect(readState(reloaded, 'nexusLowStock')).toBeUndefined();
	});

	it('treats missing or unreadable data as a first activation', () => {
		expect(readState({}, KEY)).toBeUndefined();
		expect(readState({ [KEY]: { version: 99 } }, KEY)).toBeUndefined();
		expect(readState({ [KEY]: { version: 1, cursor: { at: 5 } } }, KEY)).toBeUndefined();
		expect(readState({ [KEY]: { version: 1, cursor: null } }, KEY)).toEqual({ version: 1, cursor: null, boundaryIds: [], remembered: {} });
	});
});
