import { reconnectDelay } from '../../nodes/NexTrigger/backoff';

/** The wait before the insight stream connects again. */

const settings = (random: number) => ({ reconnectBaseMs: 1_000, reconnectMaxMs: 60_000, random: () => random });

describe('reconnectDelay', () => {
	it('after a healthy connection: within a random share of the first step', () => {
		expect(reconnectDelay(0, settings(0), undefined)).toBe(0);
		expect(reconnectDelay(0, settings(0.5), undefined)).toBe(500);
	});

	it('after failures: base·2^(n−1) times [0.5, 1), up to the ceiling', () => {
		expect(reconnectDelay(1, settings(0), undefined)).toBe(500);
		expect(reconnectDelay(3, settings(0), undefined)).toBe(2_000);
		expect(reconnectDelay(3, settings(0.999), undefined)).toBe(3_998);
		expect(reconnectDelay(20, settings(0.999), undefined)).toBe(59_970);
	});

	it("honours the server's Retry-After, up to the ceiling, when it is longer", () => {
		expect(reconnectDelay(1, settings(0), 7_000)).toBe(7_000);
		expect(reconnectDelay(1, settings(0), 100)).toBe(500);
		expect(reconnectDelay(1, settings(0), 600_000)).toBe(60_000);
	});
});
