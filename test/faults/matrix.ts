/**
 * The fault matrix: the faults (rows) every fault test applies to its targets (columns), what a
 * read and a write must do under each, and the secrets scan each matrix file runs over all its
 * cells. A cell's test name reads `<target> × <fault> → <expected outcome>`.
 */
import type { FaultSpec } from '../sandbox/shared/faults';
import type { LoggedRequest } from '../sandbox/shared/requestLog';
import { LogCapture } from '../harness/logCapture';
import { addNexusAgentKey, describeFindings, FAKE_NEXUS_KEY, recordIssuedJwts, SecretScan } from '../harness/secretScan';
import type { NexusSandbox } from '../sandbox/nexus';

/** Request Options every cell runs with: a short timeout for the stall, retries as shipped. */
export const REQUEST_TIMEOUT_MS = 1500;
export const REQUEST_OPTIONS = { timeout: REQUEST_TIMEOUT_MS, maxRetries: 3 };

export interface Fault {
	/** Row name as it appears in test names. */
	name: string;
	spec: Omit<FaultSpec, 'pathIncludes' | 'method' | 'skip'>;
	/**
	 * What a request that is safe to repeat (a read, an idempotent write) does: it is asked again
	 * and succeeds, or the run fails clearly (500 is final; a fault outlasting the retries).
	 */
	read: 'retried' | 'fails';
	/** Whether the server may have carried out the request (a write must then not be repeated). */
	ambiguous: boolean;
	/** The retry must wait at least this long (Retry-After). */
	waitMs?: number;
	/** Max Retries for this row (default REQUEST_OPTIONS.maxRetries). */
	maxRetries?: number;
	/** Attempts the run makes in total when the fault wins. */
	attemptsWhenFailing?: number;
	/** What the error names, per service: the status or the kind of failure. */
	error?: RegExp;
}

export const FAULTS = {
	rateLimited: {
		name: '429 with Retry-After: 1',
		spec: { kind: 'status', status: 429, retryAfter: 1 },
		read: 'retried',
		ambiguous: false,
		waitMs: 1000,
	},
	rateLimitedNoHeader: { name: '429 without Retry-After', spec: { kind: 'status', status: 429 }, read: 'retried', ambiguous: false },
	serverError: { name: '500', spec: { kind: 'status', status: 500 }, read: 'fails', ambiguous: true, error: /had a server error/ },
	badGateway: { name: '502', spec: { kind: 'status', status: 502 }, read: 'retried', ambiguous: true, error: /had a server error/ },
	unavailable: { name: '503', spec: { kind: 'status', status: 503 }, read: 'retried', ambiguous: true, error: /had a server error/ },
	unavailableThroughout: {
		name: '503 on every attempt (Max Retries 1)',
		spec: { kind: 'status', status: 503, count: 2 },
		read: 'fails',
		ambiguous: true,
		maxRetries: 1,
		attemptsWhenFailing: 2,
		error: /had a server error/,
	},
	reset: { name: 'connection reset mid-body', spec: { kind: 'reset' }, read: 'retried', ambiguous: true, error: /Could not reach/ },
	truncated: { name: 'truncated JSON', spec: { kind: 'truncate' }, read: 'retried', ambiguous: true, error: /incomplete answer/ },
	stall: {
		name: `stall longer than the ${REQUEST_TIMEOUT_MS} ms timeout`,
		spec: { kind: 'stall', stallMs: 5000 },
		read: 'retried',
		ambiguous: true,
		error: /Could not reach/,
	},
} satisfies Record<string, Fault>;

export const PAGING_FAULTS: Fault[] = [
	FAULTS.rateLimited,
	FAULTS.rateLimitedNoHeader,
	FAULTS.serverError,
	FAULTS.badGateway,
	FAULTS.unavailable,
	FAULTS.unavailableThroughout,
	FAULTS.reset,
	FAULTS.truncated,
	FAULTS.stall,
];

/** Faults after which the server may have acted: a non-idempotent write must not be sent again. */
export const AMBIGUOUS_FAULTS: Fault[] = [FAULTS.serverError, FAULTS.badGateway, FAULTS.unavailable, FAULTS.reset, FAULTS.truncated, FAULTS.stall];

/** Faults a safe (idempotent) write is repeated after. */
export const SAFE_WRITE_FAULTS: Fault[] = [FAULTS.unavailable, FAULTS.reset, FAULTS.stall];

export function outcomeOf(fault: Fault): string {
	if (fault.read === 'fails') return 'a clear error, no partial output';
	return fault.waitMs ? `the page asked again after ≥ ${fault.waitMs / 1000} s, every item once` : 'the page asked again, every item once';
}

export function requestOptionsFor(fault: Fault): { timeout: number; maxRetries: number } {
	return { ...REQUEST_OPTIONS, maxRetries: fault.maxRetries ?? REQUEST_OPTIONS.maxRetries };
}

/** Node timers may fire a millisecond early, and the two log times are taken on arrival. */
export const TIMER_SLACK_MS = 10;

/**
 * Asserts how the faulted page was handled: `pages` are the listing's requests in order, `key`
 * names the page a request asked for, and the fault hit the request at `faultedIndex`.
 */
export function expectPagesUnder(fault: Fault, pages: LoggedRequest[], key: (request: LoggedRequest) => string, faultedIndex: number): void {
	const faulted = pages[faultedIndex];
	expect(faulted).toBeDefined();
	expect(faulted.fault ?? `status ${faulted.status}`).toBe(fault.spec.kind === 'status' ? 'status' : fault.spec.kind);
	if (fault.read === 'retried') {
		const retry = pages[faultedIndex + 1];
		// The same page again, right after the fault; every page asked for exactly once otherwise.
		expect(key(retry)).toBe(key(faulted));
		const keys = pages.map(key);
		expect(keys.filter((k) => k === key(faulted))).toHaveLength(2);
		expect(new Set(keys).size).toBe(keys.length - 1);
		if (fault.waitMs) expect(retry.at - faulted.at).toBeGreaterThanOrEqual(fault.waitMs - TIMER_SLACK_MS);
	} else {
		// Nothing after the failure: the listing stopped at the faulted page.
		const attempts = fault.attemptsWhenFailing ?? 1;
		expect(pages).toHaveLength(faultedIndex + attempts);
		expect(new Set(pages.slice(faultedIndex).map(key)).size).toBe(1);
	}
}

/**
 * A listing during which rows were inserted or deleted (between two of its pages): no id
 * repeated, every row that existed both before and after the listing present, and nothing that
 * never existed. Rows inserted or deleted meanwhile may appear or not.
 */
export function expectStableRowsOnce(ids: string[], before: string[], after: string[]): void {
	const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
	expect(repeated).toEqual([]);
	const afterSet = new Set(after);
	const stable = before.filter((id) => afterSet.has(id));
	const listed = new Set(ids);
	expect(stable.filter((id) => !listed.has(id))).toEqual([]);
	const known = new Set([...before, ...after]);
	expect(ids.filter((id) => !known.has(id))).toEqual([]);
}

/** Every id exactly once, as a multiset equal to `expected`. */
export function expectEachOnce(ids: string[], expected: string[]): void {
	expect(ids).toHaveLength(expected.length);
	expect(new Set(ids).size).toBe(ids.length);
	expect([...ids].sort()).toEqual([...expected].sort());
}

/**
 * The secrets scan over one matrix file: logs are captured from `start()` on, each cell hands its
 * outputs and errors to `scan`, and `expectNoSecrets()` (the file's last test) scans everything.
 */
export class MatrixSecrets {
	readonly scan = new SecretScan();

	private readonly capture = new LogCapture();

	private lines: string[] | undefined;

	private stopRecordingJwts: (() => void) | undefined;

	/** Every JWT the Nexus sandbox issues from now on is a secret too (call before it starts). */
	recordNexusJwts(): void {
		this.stopRecordingJwts = recordIssuedJwts((token) => this.scan.addJwt('a Nexus agent JWT', token));
	}

	/** Adds the fake agent key to the sandbox (organization a); it and the anon key are secrets. */
	async useFakeNexusKey(sandbox: NexusSandbox): Promise<void> {
		await addNexusAgentKey(sandbox, FAKE_NEXUS_KEY);
		this.scan.addSecret('the Nexus agent API key', FAKE_NEXUS_KEY);
		this.scan.addJwt('the Nexus anon key', sandbox.anonKey);
	}

	start(): void {
		this.capture.start();
	}

	stop(): void {
		this.lines ??= this.capture.stop();
		this.stopRecordingJwts?.();
		this.stopRecordingJwts = undefined;
	}

	/**
	 * `minimum` guards against a vacuous scan: at least that many outputs, errors and debug log
	 * lines were collected (workflow executions log at debug level; bare polls log nothing).
	 */
	expectNoSecrets(minimum: { outputs: number; errors: number; debugLines?: number }): void {
		this.stop();
		this.scan.collectLogs('log', this.lines ?? []);
		const stats = this.scan.stats;
		expect(stats.outputs).toBeGreaterThanOrEqual(minimum.outputs);
		expect(stats.errors).toBeGreaterThanOrEqual(minimum.errors);
		expect(stats.debugLines).toBeGreaterThanOrEqual(minimum.debugLines ?? 1);
		expect(describeFindings(this.scan.findings())).toBe('');
	}
}

/**
 * The sandbox hears a client hang up a moment after the client moved on: waits until every stall
 * or slow answer among `requests` has ended (by the client or by the sandbox), then answers them.
 */
export async function whenEnded(requests: LoggedRequest[]): Promise<LoggedRequest[]> {
	const open = () => requests.some((request) => (request.fault === 'stall' || request.fault === 'delay') && request.abandoned === undefined);
	while (open()) await new Promise((resolve) => setTimeout(resolve, 10));
	return requests;
}
