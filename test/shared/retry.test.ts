import {
	backoffDelayMs,
	classifyStatus,
	parseRetryAfter,
	RetryableFailure,
	retryDelayMs,
	withRetries,
	type RetryPolicy,
} from '../../nodes/shared/retry';

const policy: RetryPolicy = { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 1000 };

describe('retry policy', () => {
	it('classifies 429 as rate limited, 502/503/504 as unavailable and everything else as final', () => {
		expect(classifyStatus(429)).toBe('rate-limited');
		expect([502, 503, 504].map(classifyStatus)).toEqual(['unavailable', 'unavailable', 'unavailable']);
		expect([400, 401, 403, 404, 409, 500].map(classifyStatus)).toEqual(Array(6).fill('final'));
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		expect(parseRetryAfter('3')).toBe(3000);
		expect(parseRetryAfter(['0'])).toBe(0);
		expect(parseRetryAfter(undefined)).toBeUndefined();
		expect(parseRetryAfter('soon')).toBeUndefined();
		const now = Date.parse('2026-11-23T10:00:00Z');
		expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:05 GMT', now)).toBe(5000);
	});

	it('waits Retry-After on 429 even for writes, capped by the policy', () => {
		const rateLimited = new RetryableFailure('rate-limited', new Error('x'), 2500);
		expect(retryDelayMs(rateLimited, 0, false, policy)).toBe(1000);
		expect(retryDelayMs(new RetryableFailure('rate-limited', new Error('x'), 200), 0, false, policy)).toBe(200);
	});

	it('never repeats a request that is not safe to repeat after an ambiguous failure', () => {
		for (const kind of ['unavailable', 'network', 'truncated'] as const) {
			expect(retryDelayMs(new RetryableFailure(kind, new Error('x')), 0, false, policy)).toBeUndefined();
			expect(retryDelayMs(new RetryableFailure(kind, new Error('x')), 0, true, policy)).toBeGreaterThan(0);
		}
	});

	it('backs off exponentially with jitter in the upper half, bounded', () => {
		expect(backoffDelayMs(0, policy, () => 0)).toBe(5);
		expect(backoffDelayMs(3, policy, () => 0.999)).toBeLessThanOrEqual(80);
		expect(backoffDelayMs(3, policy, () => 0)).toBe(40);
		expect(backoffDelayMs(20, policy, () => 0.5)).toBe(1000);
	});

	it('gives up after maxRetries and reports the number of attempts', async () => {
		let calls = 0;
		const failing = async () => {
			calls++;
			throw new RetryableFailure('unavailable', new Error('down'));
		};
		await expect(
			withRetries(failing, true, policy, (_failure, attempts) => new Error(`gave up after ${attempts}`)),
		).rejects.toThrow('gave up after 4');
		expect(calls).toBe(4);
	});

	it('returns the first success and passes final errors through untouched', async () => {
		let calls = 0;
		await expect(
			withRetries(async () => {
				calls++;
				if (calls < 3) throw new RetryableFailure('rate-limited', new Error('slow'), 0);
				return 'ok';
			}, false, policy),
		).resolves.toBe('ok');
		const final = new Error('bad request');
		await expect(withRetries(async () => Promise.reject(final), true, policy)).rejects.toBe(final);
	});
});
