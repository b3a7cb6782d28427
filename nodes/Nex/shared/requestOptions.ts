import { requestOptionsCollection } from '../../shared/requestOptionsCollection';

/** The Nex node's "Request Options": the shared collection, with what Nex retries on. */
export const requestOptionsProperty = requestOptionsCollection(
	'How often to retry when Nex answers 429 (rate limited), or 502/503/504 or a dropped connection for requests that are safe to repeat. Waits for Retry-After when Nex sends it.',
);
