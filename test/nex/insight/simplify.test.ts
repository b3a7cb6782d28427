import { insightsOf, simplifyInsight } from '../../../nodes/Nex/resources/insight/simplify';

describe('insightsOf', () => {
	const insight = { content: 'x' };
	test.each([
		['{data}', { data: [insight] }],
		['{insights} envelope', { workspace: {}, insights: [insight], insight_count: 1, emitted_at: 'now' }],
		['bare array', [insight]],
	])('reads the %s shape', (_name, answer) => {
		expect(insightsOf(answer)).toEqual([insight]);
	});

	test('anything else is no insights', () => {
		expect(insightsOf(null)).toEqual([]);
		expect(insightsOf({ message: 'hi' })).toEqual([]);
		expect(insightsOf('text')).toEqual([]);
	});
});

describe('simplifyInsight', () => {
	test('takes the record from the stream format target', () => {
		expect(
			simplifyInsight({
				type: 'risk',
				content: 'Budget cut',
				confidence: 0.8,
				confidence_level: 'high',
				target: { type: 'entity', entity_type: 'company', entity_id: '32710180831586561', hint: 'Acme', signals: [] },
				evidence: [{ excerpt: '...' }],
				created_at: '2026-02-01T00:00:00Z',
			}),
		).toEqual({
			type: 'risk',
			content: 'Budget cut',
			confidence: 0.8,
			confidence_level: 'high',
			entity_id: '32710180831586561',
			entity_type: 'company',
			entity_name: 'Acme',
			created_at: '2026-02-01T00:00:00Z',
		});
	});

	test('takes the record from the REST format entities', () => {
		expect(
			simplifyInsight({
				id: '1',
				workspace_id: '2',
				type: 'opportunity',
				content: 'Wants a demo',
				entities: [{ id: '32710180831586561', name: 'Acme', type: 'company' }],
				created_at: 't',
			}),
		).toEqual({
			id: '1',
			type: 'opportunity',
			content: 'Wants a demo',
			entity_id: '32710180831586561',
			entity_type: 'company',
			entity_name: 'Acme',
			created_at: 't',
		});
	});
});
