import { oldestFirst, readInsightsAnswer, type RecoveredInsight } from '../../nodes/NexTrigger/gapFill';
import { parseInsightEvent, passesFilters } from '../../nodes/NexTrigger/insights';

/** Pure parts of the gap fill and of event parsing: answer shapes, page merging, filters. */

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

describe('oldestFirst merges pages (newest page first, each newest first)', () => {
	const entry = (id: string, ms: number): RecoveredInsight => ({ insight: { id, content: id }, createdMs: ms });
	it('orders oldest first, drops the inclusive overlap between pages, keeps ties in server order', () => {
		const page1 = [entry('f', 6), entry('e', 5), entry('d', 4), entry('c', 4)];
		const page2 = [entry('d', 4), entry('c', 4), entry('b', 4), entry('a', 1)];
		expect(oldestFirst([page1, page2]).map((e) => e.insight.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
	});
	it('an oldest-first page is taken as is', () => {
		expect(oldestFirst([[entry('a', 1), entry('b', 2)]]).map((e) => e.insight.id)).toEqual(['a', 'b']);
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
