/**
 * How long a poll's request may wait for its answer when the node's Request Options set no
 * timeout. n8n's own default (5 minutes) would let one stalled answer hold every poll; a read of
 * 100 rows answers in well under a second, and a timed-out read is retried within the poll.
 */
export const TRIGGER_TIMEOUT_MS = 60_000;
