import type { IDataObject } from 'n8n-workflow';

import { parseFullResponse } from '../shared/http';
import { insightKey, timeOf } from './dedupe';
import type { NexSession } from './session';

/**
 * `GET /v1/insights`, for the gap a reconnect or a restart left and for "Listen for event" with
 * the most recent insights. The answer comes in three shapes, all accepted: the spec's
 * `{data: [...]}`, the stream's envelope `{workspace, insights, insight_count, emitted_at}` that
 * the vendor's guide and clients read, and a bare array.
 *
 * The request goes through n8n's request helper signed with the Nex credential (`session.ts`) and
 * the shared exact-id parser, like the Nex transport, but without its retry loop: the stream's
 * reconnect loop is the retry (with backoff), and an abort signal ends the request when the
 * workflow is deactivated, so no socket or retry timer outlives the trigger.
 */

export const PAGE_SIZE = 100;
export const MAX_PAGES = 50;

export interface InsightsAnswer {
	insights: IDataObject[];
	workspace?: IDataObject;
	emittedAt?: string;
}

/** Reads any of the three answer shapes. */
export function readInsightsAnswer(answer: unknown): InsightsAnswer {
	const asInsights = (value: unknown): IDataObject[] =>
		Array.isArray(value) ? value.filter((entry): entry is IDataObject => entry !== null && typeof entry === 'object') : [];
	if (Array.isArray(answer)) return { insights: asInsights(answer) };
	if (answer === null || typeof answer !== 'object') return { insights: [] };
	const body = answer as IDataObject;
	const result: InsightsAnswer = { insights: asInsights(Array.isArray(body.insights) ? body.insights : body.data) };
	if (body.workspace && typeof body.workspace === 'object') result.workspace = body.workspace as IDataObject;
	if (typeof body.emitted_at === 'string') result.emittedAt = body.emitted_at;
	return result;
}

export interface FetchSettings {
	signal: AbortSignal;
	timeoutMs: number;
}

/** One `GET /v1/insights`; throws HttpStatusFailure / TruncatedBodyFailure / the helper's network error. */
export async function fetchInsights(session: NexSession, qs: IDataObject, settings: FetchSettings): Promise<InsightsAnswer> {
	const response = await session.request({
		method: 'GET',
		url: `${session.baseUrl}/v1/insights`,
		qs,
		headers: { Accept: 'application/json' },
		encoding: 'text',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		abortSignal: settings.signal,
		timeout: settings.timeoutMs,
	});
	return readInsightsAnswer(parseFullResponse(response));
}

export interface RecoveredInsight {
	insight: IDataObject;
	workspace?: IDataObject;
	emittedAt?: string;
	/** Creation time (ms), when the insight has one. */
	createdMs?: number;
}

export interface GapFillResult {
	/** Oldest first, each insight once. */
	insights: RecoveredInsight[];
	/** False when the page cap was reached or paging could not move on: older insights of the gap may be missing. */
	complete: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Every insight created since `fromMs`. The API answers newest first with at most 100, so full
 * pages are followed by asking again with `to` = the oldest creation time seen (inclusive: the
 * overlap is removed here), at most MAX_PAGES times. Paging also stops at a full page made only
 * of insights already emitted (`isKnown`): the gap is behind it, and a busy workspace does not
 * make every reconnect read the whole overlap window again.
 */
export async function fetchInsightsSince(
	session: NexSession,
	fromMs: number,
	settings: FetchSettings,
	isKnown: (insight: IDataObject) => boolean = () => false,
): Promise<GapFillResult> {
	const pages: RecoveredInsight[][] = [];
	let to: number | undefined;
	let complete = false;
	for (let page = 0; page < MAX_PAGES; page++) {
		const qs: IDataObject = { from: iso(fromMs), limit: PAGE_SIZE };
		if (to !== undefined) qs.to = iso(to);
		const answer = await fetchInsights(session, qs, settings);
		const entries = answer.insights.map((insight) => {
			const entry: RecoveredInsight = { insight, workspace: answer.workspace, emittedAt: answer.emittedAt };
			const createdMs = timeOf(insight.created_at);
			if (createdMs !== undefined) entry.createdMs = createdMs;
			return entry;
		});
		pages.push(entries);
		if (entries.length < PAGE_SIZE || entries.every((entry) => isKnown(entry.insight))) {
			complete = true;
			break;
		}
		const times = entries.map((e) => e.createdMs).filter((ms): ms is number => ms !== undefined);
		const oldest = times.length > 0 ? Math.min(...times) : undefined;
		// Without times, or with a whole page at one instant, paging cannot move on.
		if (oldest === undefined || (to !== undefined && oldest >= to)) break;
		to = oldest;
	}
	return { insights: oldestFirst(pages), complete };
}

/** Pages (newest page first) → one list, oldest first, without the overlap between pages. */
export function oldestFirst(pages: RecoveredInsight[][]): RecoveredInsight[] {
	const seen = new Set<string>();
	const ordered: RecoveredInsight[] = [];
	for (const page of [...pages].reverse()) {
		const first = page[0]?.createdMs;
		const last = page[page.length - 1]?.createdMs;
		const newestFirst = !(first !== undefined && last !== undefined && first < last);
		for (const entry of newestFirst ? [...page].reverse() : page) {
			const restId = entry.insight.id;
			const id = typeof restId === 'string' || typeof restId === 'number' ? `id:${restId}` : `${insightKey(entry.insight)}.${entry.createdMs ?? ''}`;
			if (seen.has(id)) continue;
			seen.add(id);
			ordered.push(entry);
		}
	}
	if (ordered.some((entry) => entry.createdMs === undefined)) return ordered;
	// Stable: ties keep the server's order.
	return ordered
		.map((entry, index) => ({ entry, index }))
		.sort((a, b) => (a.entry.createdMs ?? 0) - (b.entry.createdMs ?? 0) || a.index - b.index)
		.map(({ entry }) => entry);
}
