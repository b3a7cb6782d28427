import { RowMemory } from '../../nodes/NexusTrigger/cursor';
import { ScanMemory } from '../../nodes/NexusTrigger/scanMemory';

describe('what one scan read so far', () => {
	const cursor = { at: '2025-03-01T10:00:00.123456+00:00', id: '5b3f0000-0000-4000-8000-000000000005' };
	const created = '2025-03-01T10:00:01.000001+00:00';
	const row = '7a000000-0000-4000-8000-000000000001';

	it('a row read twice at the same instant is a repeat: nothing to judge again', () => {
		const scan = new ScanMemory(cursor, new RowMemory({}));
		expect(scan.read(row, created, created, 'pending')).toEqual({ isNew: true, previous: undefined });
		// The same instant written another way (trimmed digits, another offset) is still the same version.
		expect(scan.read(row, '2025-03-01T12:00:01.000001+02:00', created, 'pending')).toBeUndefined();
	});

	it('a row read again at a later instant is not new, and was what the scan read before', () => {
		const scan = new ScanMemory(cursor, new RowMemory({ [row]: 'pending' }));
		expect(scan.read(row, created, created, 'confirmed')).toEqual({ isNew: true, previous: 'pending' });
		expect(scan.read(row, '2025-03-01T10:00:02+00:00', created, 'shipped')).toEqual({ isNew: false, previous: 'confirmed' });
		expect(scan.read(row, '2025-03-01T10:00:03+00:00', created, 'shipped')).toEqual({ isNew: false, previous: 'shipped' });
		expect(scan.rows()).toEqual([{ id: row, at: '2025-03-01T10:00:03+00:00' }]);
	});

	it('a row first read in this scan is judged against the state saved before it', () => {
		const older = '2025-03-01T09:00:00+00:00';
		const scan = new ScanMemory(cursor, new RowMemory({ [row]: 'fulfilling' }));
		expect(scan.read(row, created, older, 'shipped')).toEqual({ isNew: false, previous: 'fulfilling' });
		expect(new ScanMemory(null, new RowMemory({})).read(row, older, older, undefined)).toEqual({ isNew: true, previous: undefined });
	});
});
