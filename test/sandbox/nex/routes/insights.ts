import { ApiError, ok, type Reply } from '../http';
import { makeBatch } from '../insights';
import { restInsight } from '../present';
import type { Ctx, RouteDef } from '../router';
import { parseDuration, PRECISION_NS } from '../time';
import { queryInt, queryString, queryTimestampNs } from '../validate';

/**
 * `GET /v1/insights`: `last` (rolling window), or `from`/`to` (RFC 3339), or neither (most recent);
 * `limit` 1..100, default 20. Both bounds are inclusive and compared exactly (to the ns), as a
 * database compares its own times. Newest first unless configured oldest first (the order is not
 * documented). Answers the spec's `{data: [...]}` unless the sandbox is configured for the guide's
 * envelope or a bare array.
 */

export const INSIGHTS_MAX_LIMIT = 100;
export const INSIGHTS_DEFAULT_LIMIT = 20;

function getInsights(ctx: Ctx): Reply {
	const limit = queryInt(ctx.query, 'limit', { min: 1, max: INSIGHTS_MAX_LIMIT, def: INSIGHTS_DEFAULT_LIMIT });
	const last = queryString(ctx.query, 'last');
	const from = queryTimestampNs(ctx.query, 'from');
	const to = queryTimestampNs(ctx.query, 'to');
	let start: bigint | undefined;
	let end: bigint | undefined;
	if (last !== undefined && last !== '') {
		if (from !== undefined || to !== undefined) throw new ApiError(400, 'use either last or from/to, not both');
		const window = parseDuration(last);
		if (window === undefined) throw new ApiError(400, 'invalid last: expected a duration such as 30m, 2h or 1h30m');
		start = BigInt(Math.round((ctx.now - window) * 1000)) * (PRECISION_NS.ms / 1000n);
	} else {
		start = from;
		end = to;
		if (start !== undefined && end !== undefined && start > end) throw new ApiError(400, 'from must be before to');
	}
	const selected = [];
	const all = ctx.store.insights;
	const inWindow = (ns: bigint) => (start === undefined || ns >= start) && (end === undefined || ns <= end);
	if (ctx.store.config.insightsOrder === 'oldest-first') {
		for (let i = 0; i < all.length && selected.length < limit; i++) if (inWindow(all[i].createdNs)) selected.push(all[i]);
	} else {
		for (let i = all.length - 1; i >= 0 && selected.length < limit; i--) if (inWindow(all[i].createdNs)) selected.push(all[i]);
	}
	switch (ctx.store.config.insightsRestShape) {
		case 'envelope':
			return ok(makeBatch(ctx.store, selected, ctx.now));
		case 'array':
			return ok(selected.map((i) => restInsight(ctx.store, i)));
		default:
			return ok({ data: selected.map((i) => restInsight(ctx.store, i)) });
	}
}

function stream(_ctx: Ctx): Reply {
	return { status: 200, stream: true };
}

export const insightRoutes: RouteDef[] = [
	{ method: 'GET', path: '/v1/insights', scope: 'insight.stream', operationId: 'getInsights', handler: getInsights },
	{ method: 'GET', path: '/v1/insights/stream', scope: 'insight.stream', operationId: 'streamInsights', handler: stream },
];
