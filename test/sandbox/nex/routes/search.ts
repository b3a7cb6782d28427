import { displayName } from '../attributes';
import { ApiError, ok } from '../http';
import type { Ctx, RouteDef } from '../router';
import type { NexStore } from '../store';
import type { RecordEntity } from '../types';
import { optString } from '../validate';

/** Full-text search over records, grouped by object type. */

export const SEARCH_MAX_QUERY = 500;
export const SEARCH_RESULTS_PER_TYPE = 25;

interface Hit {
	record: RecordEntity;
	primary: string;
	matched: string;
	score: number;
}

/** Scores a record against a query: name matches beat other attribute matches. */
export function scoreRecord(store: NexStore, record: RecordEntity, query: string): Hit | undefined {
	const q = query.trim().toLowerCase();
	const primary = store.recordName(record);
	const name = primary.toLowerCase();
	let best: Hit | undefined;
	const consider = (matched: string, score: number) => {
		if (!best || score > best.score) best = { record, primary, matched, score };
	};
	if (name === q) consider(primary, 1);
	else if (name.startsWith(q)) consider(primary, 0.9);
	else if (name.split(/\s+/).some((w) => w.startsWith(q))) consider(primary, 0.8);
	else if (name.includes(q)) consider(primary, 0.6);
	if (!best || best.score < 0.75) {
		for (const [slug, value] of Object.entries(record.attributes)) {
			if (slug === 'name') continue;
			for (const v of Array.isArray(value) ? value : [value]) {
				const text = typeof v === 'string' ? v : displayName(v);
				const lower = text.toLowerCase();
				if (lower === q) consider(text, 0.75);
				else if (lower.includes(q)) consider(text, 0.5);
			}
		}
	}
	return best;
}

function search(ctx: Ctx) {
	const body = ctx.body();
	const query = optString(body, 'query');
	if (query === undefined || query.trim() === '') throw new ApiError(400, 'query is required');
	if (query.length > SEARCH_MAX_QUERY) throw new ApiError(400, `query must be at most ${SEARCH_MAX_QUERY} characters`);
	const results: Record<string, unknown[]> = {};
	for (const object of ctx.store.objects.values()) {
		const hits: Hit[] = [];
		for (const id of ctx.store.recordsByObject.get(object.id.toString()) ?? []) {
			const hit = scoreRecord(ctx.store, ctx.store.records.get(id)!, query);
			if (hit) hits.push(hit);
		}
		hits.sort((a, b) => b.score - a.score || (a.record.id < b.record.id ? -1 : 1));
		results[object.slug] = hits.slice(0, SEARCH_RESULTS_PER_TYPE).map((h) => ({
			id: h.record.id.toString(),
			primary_value: h.primary,
			matched_value: h.matched,
			score: h.score,
			entity_definition_id: object.id.toString(),
		}));
	}
	return ok({ results, errored_search_types: [] });
}

export const searchRoutes: RouteDef[] = [
	{ method: 'POST', path: '/v1/search', scope: 'record.read', operationId: 'searchRecords', handler: search },
];
