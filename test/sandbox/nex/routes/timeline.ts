import { ApiError, ok } from '../http';
import { isInt64String } from '../ids';
import { presentTimelineEvent } from '../present';
import type { Ctx, RouteDef } from '../router';
import { queryInt, queryString } from '../validate';
import { requireRecord } from './records';

/**
 * A record's timeline, newest first, cursor paging: `?limit=1..100&cursor` →
 * `{data, has_next_page, next_cursor}`. The cursor is the id bound of the next page (as in the
 * spec's example, where an event "5000" is followed by the cursor "4999").
 */

export const TIMELINE_MAX_LIMIT = 100;
export const TIMELINE_DEFAULT_LIMIT = 50;

function getTimeline(ctx: Ctx) {
	const record = requireRecord(ctx.store, ctx.params.record_id);
	const limit = queryInt(ctx.query, 'limit', { min: 1, max: TIMELINE_MAX_LIMIT, def: TIMELINE_DEFAULT_LIMIT });
	const cursorRaw = queryString(ctx.query, 'cursor');
	let bound: bigint | undefined;
	if (cursorRaw !== undefined && cursorRaw !== '') {
		if (!isInt64String(cursorRaw)) throw new ApiError(400, 'invalid cursor');
		bound = BigInt(cursorRaw);
	}
	const events = ctx.store.timeline.get(record.id.toString()) ?? [];
	// Events are stored oldest first with increasing ids: walk backwards from the bound.
	let i = events.length - 1;
	if (bound !== undefined) while (i >= 0 && events[i].id > bound) i--;
	const page = [];
	while (i >= 0 && page.length < limit) page.push(events[i--]);
	const hasNext = i >= 0;
	return ok({
		data: page.map(presentTimelineEvent),
		has_next_page: hasNext,
		next_cursor: hasNext ? (page[page.length - 1].id - 1n).toString() : undefined,
	});
}

export const timelineRoutes: RouteDef[] = [
	{
		method: 'GET',
		path: '/v1/records/{record_id}/timeline',
		scope: 'record.read',
		operationId: 'getRecordTimeline',
		handler: getTimeline,
	},
];
