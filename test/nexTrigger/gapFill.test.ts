import type { IDataObject } from 'n8n-workflow';

import { fetchInsightsSince, readInsightsAnswer, type FetchPage } from '../../nodes/NexTrigger/gapFill';
import { timestampNs } from '../../nodes/NexTrigger/timestamps';
import { parseInsightEvent, passesFilters } from '../../nodes/NexTrigger/insights';

/** Pure parts of the gap fill and of event parsing: answer shapes, paging (against an in-memory answerer), filters. */

describe('readInsightsAnswer accepts the three shapes of GET /v1/insights', () => {
	const insight = { type: 'risk', content: 'x', created_at: '2026-02-05T10:30:00Z' };
	it('the spec: {data: [...]}', () => {
		expect(readInsightsAnswer({ data: [insight] })).toEqual({ insights: [insight] });
	});
	it('the guide: the stream envelope', () => {
		const workspace = { slug: 'acme' };
		expect(readInsightsAnswer({ workspace, insights: [insight], insight_count: 1, emitted_at: '2026-02-05T10:31:00Z' })).toEqual({
			insights: [insight],
			workspace,
			emittedAt: '2026-02-05T10:31:00Z',
		});
	});
	it('a bare array', () => {
		expect(readInsightsAnswer([insight, null, 'junk'])).toEqual({ insights: [insight] });
	});
	it('anything else: no insights', () => {
		expect(readInsightsAnswer(undefined)).toEqual({ insights: [] });
		expect(readInsightsAnswer({ message: 'hi' })).toEqual({ insights: [] });
	});
});

/** An answerer with the API's semantics over a list (inclusive from/to compared exactly, limit, either order). */
function answerer(all: Array<{ id: string; created_at: string }>, order: 'newest-first' | 'oldest-first') {
	const queries: IDataObject[] = [];
	const sorted = [...all].sort((a, b) => (timestampNs(a.created_at)! < timestampNs(b.created_at)! ? -1 : timestampNs(a.created_at)! > timestampNs(b.created_at)! ? 1 : 0));
	const fetchPage: FetchPage = async (qs) => {
		queries.push(qs);
		const from = qs.from === undefined ? undefined : timestampNs(qs.from)!;
		const to = qs.to === undefined ? undefined : timestampNs(qs.to)!;
		const inWindow = sorted.filter((i) => (from === undefined || timestampNs(i.created_at)! >= from) && (to === undefined || timestampNs(i.created_at)! <= to));
		const ordered = order === 'newest-first' ? [...inWindow].reverse() : inWindow;
		return { insights: ordered.slice(0, Number(qs.limit)) };
	};
	return { fetchPage, queries };
}

/** `count` insights per instant, µs apart, starting at 10:30:00.000001 (all inside one millisecond per 999 instants). */
function instants(groups: number[]): Array<{ id: string; created_at: string }> {
	const out: Array<{ id: string; created_at: string }> = [];
	groups.forEach((count, g) => {
		const created = `2026-02-05T10:30:00.${String(1 + g).padStart(6, '0')}Z`;
		for (let i = 0; i < count; i++) out.push({ id: `${g}-${i}`, created_at: created });
	});
	return out;
}

describe('fetchInsightsSince pages through a gap of many pages in either answer order', () => {
	const FROM = '2026-02-05T10:29:00Z';
	for (const order of ['newest-first', 'oldest-first'] as const) {
		it(`${order}: 350 insights, 7 per µs instant inside one millisecond: each once, oldest first, nothing rounded`, async () => {
			const all = instants(Array.from({ length: 50 }, () => 7));
			const { fetchPage, queries } = answerer(all, order);
			const result = await fetchInsightsSince(fetchPage, FROM);
			expect(result.shortfalls).toEqual([]);
			expect(result.insights.map((e) => e.insight.id)).toEqual(all.map((i) => i.id));
			// Boundaries go back as the server wrote them.
			const bounds = queries.slice(1).map((q) => (order === 'newest-first' ? q.to : q.from));
			for (const bound of bounds) expect(all.map((i) => i.created_at)).toContain(bound);
		});
	}

	it('newest first, a full page of insights already emitted closes the gap', async () => {
		const all = instants(Array.from({ length: 40 }, () => 10));
		const { fetchPage, queries } = answerer(all, 'newest-first');
		const emitted = new Set(all.slice(0, 250).map((i) => i.id));
		const result = await fetchInsightsSince(fetchPage, FROM, (insight) => emitted.has(String(insight.id)));
		expect(result.shortfalls).toEqual([]);
		expect(queries.length).toBeLessThan(5);
		expect(result.insights.map((e) => e.insight.id)).toEqual(expect.arrayContaining(all.slice(250).map((i) => i.id)));
	});

	it('oldest first, insights already emitted at the start do not stop paging', async () => {
		const all = instants(Array.from({ length: 40 }, () => 10));
		const { fetchPage } = answerer(all, 'oldest-first');
		const emitted = new Set(all.slice(0, 250).map((i) => i.id));
		const result = await fetchInsightsSince(fetchPage, FROM, (insight) => emitted.has(String(insight.id)));
		expect(result.insights.map((e) => e.insight.id)).toEqual(all.map((i) => i.id));
	});

	for (const order of ['newest-first', 'oldest-first'] as const) {
		it(`${order}: an instant holding more than a page is reported, and the insights around it are still read`, async () => {
			const all = instants([30, 150, 30]);
			const { fetchPage } = answerer(all, order);
			const result = await fetchInsightsSince(fetchPage, FROM);
			expect(result.shortfalls).toEqual(['instant-overflow']);
			const ids = result.insights.map((e) => e.insight.id);
			for (const i of [...all.slice(0, 30), ...all.slice(180)]) expect(ids).toContain(i.id);
			expect(new Set(ids).size).toBe(ids.length);
		});
	}

	it('the page cap is reported, not silent', async () => {
		const all = instants(Array.from({ length: 30 }, () => 10));
		const { fetchPage, queries } = answerer(all, 'newest-first');
		const result = await fetchInsightsSince(fetchPage, FROM, () => false, 2);
		expect(queries).toHaveLength(2);
		expect(result.shortfalls).toEqual(['page-cap']);
	});

	it('an answer in no time order is reported', async () => {
		const all = instants(Array.from({ length: 120 }, () => 1));
		const shuffled = [...all.slice(60), ...all.slice(0, 60)];
		const result = await fetchInsightsSince(async () => ({ insights: shuffled.slice(0, 100) }), FROM);
		expect(result.shortfalls).toEqual(['unordered']);
	});
});

describe('parseInsightEvent', () => {
	it('reads the envelope, keeping ids above 2^53 exact', () => {
		const batch = parseInsightEvent(
			'{"workspace":{"slug":"acme"},"insights":[{"type":"risk","content":"x","target":{"entity_id":9007199254740993123}}],"insight_count":1,"emitted_at":"2026-02-05T10:30:00Z"}',
		);
		expect(batch?.emittedAt).toBe('2026-02-05T10:30:00Z');
		expect((batch?.insights[0].target as { entity_id: string }).entity_id).toBe('9007199254740993123');
	});
	it('reads the simplified replay form (a bare insight) and a bare array', () => {
		expect(parseInsightEvent('{"type":"risk","content":"x"}')?.insights).toEqual([{ type: 'risk', content: 'x' }]);
		expect(parseInsightEvent('[{"type":"risk","content":"x"}]')?.insights).toHaveLength(1);
		expect(parseInsightEvent('{"hello":1}')).toBeUndefined();
		expect(() => parseInsightEvent('{not json')).toThrow();
	});
});

describe('passesFilters', () => {
	const insight = { type: 'risk', confidence_level: 'high', target: { entity_type: 'person' } };
	const none = { types: [], minConfidence: '', entityTypes: [] };
	it('types, minimum confidence and entity type', () => {
		expect(passesFilters(insight, none)).toBe(true);
		expect(passesFilters(insight, { ...none, types: ['opportunity'] })).toBe(false);
		expect(passesFilters(insight, { ...none, types: ['opportunity', 'risk'] })).toBe(true);
		expect(passesFilters(insight, { ...none, minConfidence: 'very_high' })).toBe(false);
		expect(passesFilters(insight, { ...none, minConfidence: 'high' })).toBe(true);
		expect(passesFilters(insight, { ...none, minConfidence: 'medium' })).toBe(true);
		expect(passesFilters({ type: 'risk' }, { ...none, minConfidence: 'medium' })).toBe(false);
		expect(passesFilters(insight, { ...none, entityTypes: ['company'] })).toBe(false);
		expect(passesFilters(insight, { ...none, entityTypes: ['company', 'person'] })).toBe(true);
		// The REST shape names the entity type in entities[].
		expect(passesFilters({ type: 'risk', entities: [{ type: 'company' }] }, { ...none, entityTypes: ['company'] })).toBe(true);
	});
});
