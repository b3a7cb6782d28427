import { TokenBucket, type PacerClock } from '../../nodes/shared/pacing';

/**
 * The token bucket that paces requests to "N per window" (pure, on a virtual clock: a sleep moves
 * the clock forward at once, so the tests read when each token was handed out).
 */

class VirtualClock implements PacerClock {
	time = 0;

	readonly sleeps: number[] = [];

	now(): number {
		return this.time;
	}

	async sleep(ms: number): Promise<void> {
		this.sleeps.push(ms);
		this.time += Math.max(0, ms);
		await Promise.resolve();
	}
}

/** Takes a token and gives it back once answered `latency` ms later; answers when the token was handed out. */
async function request(bucket: TokenBucket, clock: VirtualClock, latency = 0): Promise<number> {
	const release = await bucket.take();
	const at = clock.now();
	clock.time += latency;
	release();
	return at;
}

test('hands out N tokens at once, then each one a window after the request that held it was answered', async () => {
	const clock = new VirtualClock();
	const bucket = new TokenBucket(3, 1000, clock);
	const times: number[] = [];
	for (let i = 0; i < 7; i++) times.push(await request(bucket, clock, 10));
	// Answered at 10, 20, 30: back at 1010, 1020, 1030; those at 2020, 2030...
	expect(times).toEqual([0, 10, 20, 1010, 1020, 1030, 2020]);
});

test('never lets more than N requests start within any window (a refilling bucket of N would let 2N through)', async () => {
	const clock = new VirtualClock();
	const bucket = new TokenBucket(5, 1000, clock);
	const times: number[] = [];
	for (let i = 0; i < 23; i++) times.push(await request(bucket, clock, 1));
	for (const start of times) expect(times.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(5);
});

test('a token held by a request in flight is not handed out again until that request is answered', async () => {
	const clock = new VirtualClock();
	const bucket = new TokenBucket(2, 1000, clock);
	const first = await bucket.take();
	const second = await bucket.take();
	let third = false;
	const waiting = bucket.take().then((release) => {
		third = true;
		return release;
	});
	clock.time = 5000;
	await Promise.resolve();
	await Promise.resolve();
	expect(third).toBe(false);
	first();
	second();
	// Given back at 5000: free again at 6000.
	const release = await waiting;
	expect(third).toBe(true);
	expect(clock.now()).toBe(6000);
	release();
});

test("a 429's Retry-After holds every token until it has passed", async () => {
	const clock = new VirtualClock();
	const bucket = new TokenBucket(100, 60_000, clock);
	expect(await request(bucket, clock)).toBe(0);
	bucket.hold(2000);
	bucket.hold(500);
	expect(await request(bucket, clock)).toBe(2000);
	bucket.hold(undefined);
	expect(await request(bucket, clock)).toBe(2000);
});

test('requests take tokens in the order they asked', async () => {
	const clock = new VirtualClock();
	const bucket = new TokenBucket(1, 100, clock);
	const order: number[] = [];
	await Promise.all(
		[0, 1, 2, 3].map(async (n) => {
			const release = await bucket.take();
			order.push(n);
			release();
		}),
	);
	expect(order).toEqual([0, 1, 2, 3]);
	expect(bucket.available()).toBe(0);
	clock.time += 100;
	expect(bucket.available()).toBe(1);
});
