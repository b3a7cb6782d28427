import { answerOrder, msOf, nsOfMs, timestampNs } from '../../nodes/NexTrigger/timestamps';

/** Exact insight times: what Postgres through Go writes, compared without a detour through Date. */

describe('timestampNs', () => {
	it('keeps µs and ns exactly: two insights of one millisecond stay two, in order', () => {
		const a = timestampNs('2026-02-05T10:30:00.123456Z');
		const b = timestampNs('2026-02-05T10:30:00.123457Z');
		const c = timestampNs('2026-02-05T10:30:00.123456789Z');
		expect(a).toBe(1_770_287_400_123_456_000n);
		expect(c).toBe(1_770_287_400_123_456_789n);
		expect(a! < c! && c! < b!).toBe(true);
		// Date sees one millisecond for all three.
		expect(new Set(['.123456', '.123457', '.123456789'].map((f) => Date.parse(`2026-02-05T10:30:00${f}Z`))).size).toBe(1);
	});

	it('reads whole seconds, short fractions, offsets and lower case; rejects anything else', () => {
		expect(timestampNs('2026-02-05T10:30:00Z')).toBe(1_770_287_400_000_000_000n);
		expect(timestampNs('2026-02-05T10:30:00.1Z')).toBe(1_770_287_400_100_000_000n);
		expect(timestampNs('2026-02-05T12:30:00.000000001+02:00')).toBe(1_770_287_400_000_000_001n);
		expect(timestampNs('2026-02-05t10:30:00z')).toBe(1_770_287_400_000_000_000n);
		expect(timestampNs('2026-02-05T10:30:00.1234567891Z')).toBe(1_770_287_400_123_456_789n);
		for (const bad of ['', 'yesterday', '2026-02-05', 1_770_287_400_000, undefined, null]) expect(timestampNs(bad)).toBeUndefined();
	});

	it('msOf rounds down (also before 1970) and nsOfMs goes back', () => {
		expect(msOf(1_770_287_400_123_999_999n)).toBe(1_770_287_400_123);
		expect(msOf(-1n)).toBe(-1);
		expect(nsOfMs(1_770_287_400_123)).toBe(1_770_287_400_123_000_000n);
	});
});

describe('answerOrder reads the order of an answer from its creation times', () => {
	it('newest first, oldest first, one instant, or neither', () => {
		expect(answerOrder([3n, 2n, 2n, 1n])).toBe('newest-first');
		expect(answerOrder([1n, 1n, 2n, 3n])).toBe('oldest-first');
		expect(answerOrder([5n, 5n, 5n])).toBe('one-instant');
		expect(answerOrder([1n, 3n, 2n])).toBe('unordered');
		expect(answerOrder([1n, undefined, 2n])).toBe('unordered');
		expect(answerOrder([undefined])).toBe('unordered');
	});
});
