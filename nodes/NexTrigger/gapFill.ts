import type { IDataObject } from 'n8n-workflow';

import { parseFullResponse } from '../shared/http';
import { insightKey } from './dedupe';
import type { NexSession } from './session';
import { answerOrder, msOf, timestampNs } from './timestamps';

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
/** A safety net, not a budget: a gap of 100,000 insights (hours of a busy workspace). Reaching it is reported. */
export const MAX_PAGES = 1_000;

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
	/** Exact creation time (ns), when the insight has one. */
	createdNs?: bigint;
}

/** Why a gap fill could not read the whole gap (each is reported: insights may be missing). */
export type GapFillShortfall =
	/** MAX_PAGES answers were read and the gap was still not closed. */
	| 'page-cap'
	/** One creation instant held a full page: the API cannot page inside one instant. */
	| 'instant-overflow'
	/** An answer was in neither time order, so paging by time cannot go on. */
	| 'unordered';

export interface GapFillResult {
	/** Oldest first, each insight once. */
	insights: RecoveredInsight[];
	/** Empty when the whole gap was read. */
	shortfalls: GapFillShortfall[];
	/** Answers read. */
	pages: number;
}

/** One answer of `GET /v1/insights` for a query (the network, or anything that answers like it). */
export type FetchPage = (qs: IDataObject) => Promise<InsightsAnswer>;

/** Creation instants next to one another at µs precision, for stepping past an instant that filled a page. */
const STEP_NS = 1_000n;

function rfc3339OfNs(ns: bigint): string {
	const ms = msOf(ns);
	const second = Math.floor(ms / 1000);
	const fraction = ns - BigInt(second) * 1_000_000_000n;
	return `${new Date(second * 1000).toISOString().slice(0, 19)}.${fraction.toString().padStart(9, '0')}Z`;
}

/**
 * Every insight created since `from` (an RFC 3339 time), whatever the order of the answers (not
 * documented) and however many pages the gap spans.
 *
 * - A short page closes the window. After a full page the window shrinks past what the page
 *   holds, the order read from the page's creation times: newest first → `to` = its oldest time,
 *   oldest first → `from` = its newest time. The time is the server's own string, sent back
 *   verbatim and inclusive, so insights sharing that instant but cut off by the page come again;
 *   ids remove the overlap. Nothing is rounded to milliseconds.
 * - Newest first, a full page made only of insights already emitted (`isEmitted`) closes the
 *   gap: what lies behind it reached the workflow before.
 * - A full page inside one creation instant cannot be paged further by time: it is reported,
 *   and paging goes on on both sides of that instant.
 * - At most `maxPages` answers; reaching the cap is reported, never silent.
 */
export async function fetchInsightsSince(
	fetchPage: FetchPage,
	from: string,
	isEmitted: (insight: IDataObject) => boolean = () => false,
	maxPages = MAX_PAGES,
): Promise<GapFillResult> {
	const seen = new Set<string>();
	const collected: Array<{ entry: RecoveredInsight; rank: number }> = [];
	const shortfalls = new Set<GapFillShortfall>();
	let pages = 0;
	let rank = 0;

	const read = async (qs: IDataObject) => {
		const answer = await fetchPage({ ...qs, limit: PAGE_SIZE });
		pages++;
		const entries = answer.insights.map((insight) => {
			const entry: RecoveredInsight = { insight, workspace: answer.workspace, emittedAt: answer.emittedAt };
			const createdNs = timestampNs(insight.created_at);
			if (createdNs !== undefined) entry.createdNs = createdNs;
			return entry;
		});
		const order = answerOrder(entries.map((entry) => entry.createdNs));
		let added = 0;
		entries.forEach((entry, index) => {
			const restId = entry.insight.id;
			const id =
				typeof restId === 'string' || typeof restId === 'number'
					? `id:${restId}`
					: `${insightKey(entry.insight)}.${entry.createdNs ?? ''}`;
			if (seen.has(id)) return;
			seen.add(id);
			added++;
			// Ties keep the server's order, turned oldest first: newest-first answers (later pages, later places) count backwards.
			collected.push({ entry, rank: order === 'newest-first' ? -(rank + index) : rank + index });
		});
		rank += entries.length + 1;
		return { entries, order, added, full: entries.length >= PAGE_SIZE };
	};

	// Windows still to read: [from, to] with `to` open when undefined.
	const windows: Array<{ from: string; to?: string }> = [{ from }];
	while (windows.length > 0) {
		let window = windows.pop()!;
		while (true) {
			if (pages >= maxPages) {
				shortfalls.add('page-cap');
				windows.length = 0;
				break;
			}
			const qs: IDataObject = { from: window.from };
			if (window.to !== undefined) qs.to = window.to;
			const page = await read(qs);
			if (!page.full) break;
			const last = page.entries[page.entries.length - 1];
			if (page.order === 'unordered') {
				shortfalls.add('unordered');
				break;
			}
			if (page.order === 'one-instant' || page.added === 0) {
				// One instant filled the page: the rest of it is out of reach. Go on before and after it.
				shortfalls.add('instant-overflow');
				const instant = last.createdNs!;
				const fromNs = timestampNs(window.from);
				const toNs = window.to === undefined ? undefined : timestampNs(window.to);
				if (toNs === undefined || instant + STEP_NS <= toNs) windows.push({ from: rfc3339OfNs(instant + STEP_NS), to: window.to });
				if (fromNs === undefined || instant - STEP_NS >= fromNs) windows.push({ from: window.from, to: rfc3339OfNs(instant - STEP_NS) });
				break;
			}
			if (page.order === 'newest-first') {
				if (page.entries.every((entry) => isEmitted(entry.insight))) break;
				window = { from: window.from, to: String(last.insight.created_at) };
			} else {
				window = { from: String(last.insight.created_at), to: window.to };
			}
		}
	}

	const ordered = collected
		.sort((a, b) => {
			const at = a.entry.createdNs;
			const bt = b.entry.createdNs;
			if (at !== undefined && bt !== undefined && at !== bt) return at < bt ? -1 : 1;
			return a.rank - b.rank;
		})
		.map(({ entry }) => entry);
	return { insights: ordered, shortfalls: [...shortfalls], pages };
}
