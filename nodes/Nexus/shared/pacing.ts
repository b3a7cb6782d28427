import type { NodeContext } from '../../shared/context';
import { TokenBucket, type Pacer } from '../../shared/pacing';
import { nexusKeyExchangeFingerprint } from './credential';

/**
 * Nexus allows 100 requests a minute per user per organization (its docs' "Rate Limiting &
 * Pagination" page; 429 with Retry-After beyond it); one agent key is one agent user of one
 * organization. Every request of this process with a credential (node, trigger, dropdown
 * lookups, MCP calls) takes a token of that credential's bucket first. The key exchange is not
 * paced: agent-auth has a limit of its own (10 attempts a minute per IP) and no user yet.
 */
export const NEXUS_RATE_LIMIT = { requests: 100, windowMs: 60_000 };

let rate = { ...NEXUS_RATE_LIMIT };

/** Buckets by credential fingerprint (a hash of base URL, anon key and agent key: no secret in it). */
const buckets = new Map<string, TokenBucket>();

/**
 * Sets the limit the buckets pace to (a sandbox with a scaled window, so tests do not wait a
 * minute; 0 requests: no pacing, for a sandbox without the limit) and forgets the buckets so
 * far; `NEXUS_RATE_LIMIT` restores the documented one.
 */
export function setNexusRateLimit(limit: { requests: number; windowMs: number }): void {
	rate = { ...limit };
	buckets.clear();
}

/** The bucket of the credential the context uses; undefined without one (nothing is sent then). */
export async function nexusPacer(context: NodeContext): Promise<Pacer | undefined> {
	if (!(rate.requests > 0)) return undefined;
	const fingerprint = await nexusKeyExchangeFingerprint(context);
	if (fingerprint === undefined) return undefined;
	let bucket = buckets.get(fingerprint);
	if (!bucket) {
		bucket = new TokenBucket(rate.requests, rate.windowMs);
		buckets.set(fingerprint, bucket);
	}
	return bucket;
}
