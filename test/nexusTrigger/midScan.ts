import type { NexusSandbox } from '../sandbox/nexus';
import type { LoggedRequest, RequestLog } from '../sandbox/shared/requestLog';

/**
 * Lands a change in the middle of a poll's scan: `change` runs when the sandbox receives the
 * request to `path` that follows the first `after` of them (counted from now), that is once the
 * scan has been answered `after` pages and before the next page reads anything.
 *
 * Why that ordering holds: the sandbox logs a request before it routes it, and runs one database
 * unit at a time in the order they are asked for. `change` is called while the request is being
 * logged, so a change made with one sandbox call (`touchOrders`, `query`) is queued, and
 * committed, before that request's own read.
 */
export interface ScanChange {
	/**
	 * Settles once the change is committed. Rejects (and removes the hook) when the scan never
	 * made that request, so a test cannot pass without the change having landed mid-scan.
	 */
	landed(): Promise<void>;
}

export function changeBeforeScanRequest(
	sandbox: NexusSandbox,
	path: string,
	after: number,
	change: () => Promise<unknown>,
): ScanChange {
	const log: RequestLog = sandbox.requests;
	const record = log.record;
	let seen = 0;
	let applied: Promise<unknown> | undefined;
	log.record = function (this: RequestLog, entry: LoggedRequest): LoggedRequest {
		const logged = record.call(this, entry);
		if (entry.path === path && ++seen > after && !applied) {
			log.record = record;
			applied = change();
			// Awaited by landed(); until then a failure must not count as unhandled.
			applied.catch(() => undefined);
		}
		return logged;
	};
	return {
		async landed() {
			if (!applied) {
				log.record = record;
				throw new Error(`The scan made ${seen} requests to ${path}: the change after ${after} never ran`);
			}
			await applied;
		},
	};
}
