import { ApiError } from './http';

/**
 * First id the sandbox hands out. It is odd and above 2^54, where a double can only hold multiples
 * of 4: every generated id is odd, so none survives a round trip through a double. A client that
 * rounds an id asks for one that does not exist and gets a 404 instead of someone else's record.
 */
export const FIRST_ID = 32710180831586561n;
export const WORKSPACE_ID = 32414268188027645n;
export const OWNER_USER_ID = 32414268188027649n;
const INT64_MAX = 9223372036854775807n;

/** One sequence for every entity kind, like the vendor's snowflake ids (unique across kinds). */
export class IdGenerator {
	private nextValue: bigint;

	constructor(private readonly start: bigint = FIRST_ID) {
		this.nextValue = start;
	}

	next(): bigint {
		const id = this.nextValue;
		this.nextValue += 2n;
		return id;
	}

	/** Decimal string form (record, task, note... ids are strings in the API). */
	nextString(): string {
		return this.next().toString();
	}

	reset(): void {
		this.nextValue = this.start;
	}
}

/** True for a decimal int64 such as the API accepts in `{record_id}`-style parameters. */
export function isInt64String(value: string): boolean {
	return /^\d{1,19}$/.test(value) && BigInt(value) <= INT64_MAX;
}

/** Parses an integer id from a path parameter or body field: 400 when it is not one. */
export function parseId(value: unknown, what: string): bigint {
	if (typeof value === 'bigint') return value;
	if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
	if (typeof value === 'string' && isInt64String(value)) return BigInt(value);
	throw new ApiError(400, `invalid ${what}`);
}

/** Canonical decimal key for id maps (drops leading zeros). */
export function idKey(value: bigint | string): string {
	return typeof value === 'bigint' ? value.toString() : BigInt(value).toString();
}
