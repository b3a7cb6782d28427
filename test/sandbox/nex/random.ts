/** A small seeded PRNG (mulberry32) so demo data and generated insights are reproducible. */
export class Rng {
	private state: number;

	constructor(private readonly seed = 0x6e6578) {
		this.state = seed;
	}

	reset(): void {
		this.state = this.seed;
	}

	next(): number {
		this.state = (this.state + 0x6d2b79f5) | 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	int(maxExclusive: number): number {
		return Math.floor(this.next() * maxExclusive);
	}

	pick<T>(items: readonly T[]): T {
		return items[this.int(items.length)];
	}
}
