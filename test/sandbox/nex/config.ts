/** Tunables of a running sandbox (constructor options, changeable through `/__control/config`). */

/** How the stream replays recent insights on connect (the README says clients parse both forms). */
export type ReplayFormat = 'per-insight' | 'batch' | 'simplified';
/** Shape of `GET /v1/insights`: the spec's `{data}`, the guide's stream envelope, or a bare array. */
export type InsightsRestShape = 'spec' | 'envelope' | 'array';
/** Precision of insight creation times: Postgres stores µs, and Go writes what it holds (up to ns). */
export type TimestampPrecision = 'ms' | 'us' | 'ns';
/** Order of `GET /v1/insights` answers: not documented, so both are played. */
export type InsightsOrder = 'newest-first' | 'oldest-first';
/**
 * Whether `POST /v1/objects/{slug}/records` honours `sort` on `updated_at` (undocumented): a server
 * that ignores sorts answers in its default (creation) order whatever the body asks; one that only
 * sorts on attributes refuses `updated_at` as it refuses an unknown attribute (400).
 */
export type RecordsSort = 'honoured' | 'ignored' | 'rejected';
/** AI-list answers wrapped in `{"message": {...}}` (spec) or bare (nex-llms.txt). */
export type AiListShape = 'wrapped' | 'unwrapped';

export interface NexSandboxConfig {
	keepaliveIntervalMs: number;
	artifactProcessingMs: number;
	jobDurationMs: number;
	connectExpiryMs: number;
	/** Documented limit of `POST /v1/integrations/{type}/{provider}/connect` per key. */
	connectRateLimitPerMinute: number;
	replayFormat: ReplayFormat;
	insightsRestShape: InsightsRestShape;
	aiListShape: AiListShape;
	timestampPrecision: TimestampPrecision;
	insightsOrder: InsightsOrder;
	recordsSort: RecordsSort;
	/** When text processing completes, its insights are also sent on the stream (as the service does). */
	artifactEmitsInsights: boolean;
}

export const DEFAULT_CONFIG: NexSandboxConfig = {
	keepaliveIntervalMs: 30_000,
	artifactProcessingMs: 1500,
	jobDurationMs: 1000,
	connectExpiryMs: 10 * 60_000,
	connectRateLimitPerMinute: 10,
	replayFormat: 'per-insight',
	insightsRestShape: 'spec',
	aiListShape: 'wrapped',
	timestampPrecision: 'us',
	insightsOrder: 'newest-first',
	recordsSort: 'honoured',
	artifactEmitsInsights: true,
};

const ENUMS: Partial<Record<keyof NexSandboxConfig, readonly string[]>> = {
	replayFormat: ['per-insight', 'batch', 'simplified'],
	insightsRestShape: ['spec', 'envelope', 'array'],
	aiListShape: ['wrapped', 'unwrapped'],
	timestampPrecision: ['ms', 'us', 'ns'],
	insightsOrder: ['newest-first', 'oldest-first'],
	recordsSort: ['honoured', 'ignored', 'rejected'],
};

/** Applies a partial config, rejecting unknown keys and wrong types (throws Error). */
export function applyConfig(target: NexSandboxConfig, patch: Record<string, unknown>): void {
	for (const [key, value] of Object.entries(patch)) {
		if (value === undefined) continue;
		if (!(key in DEFAULT_CONFIG)) throw new Error(`unknown config key: ${key}`);
		const k = key as keyof NexSandboxConfig;
		const expected = typeof DEFAULT_CONFIG[k];
		if (typeof value !== expected) throw new Error(`config ${key} must be a ${expected}`);
		const allowed = ENUMS[k];
		if (allowed && !allowed.includes(value as string)) throw new Error(`config ${key} must be one of ${allowed.join(', ')}`);
		if (expected === 'number' && (!Number.isFinite(value) || (value as number) < 0)) {
			throw new Error(`config ${key} must be a non-negative number`);
		}
		(target as unknown as Record<string, unknown>)[k] = value;
	}
}
