import { simplifyGraph } from '../../../nodes/Nex/resources/knowledgeGraph/simplify';

test('keeps the structure and the totals, drops the bulk', () => {
	expect(
		simplifyGraph({
			nodes: [{ id: '1', name: 'Acme', type: 'company', definition_slug: 'company', created_at: 't' }],
			edges: [{ id: 'e', source: '1', target: '2', label: 'works_at', definition_id: '9' }],
			context_edges: [{ id: 'c', source: '1', target: '2', label: 'mentioned_with', edge_type: 'context' }],
			insight_nodes: [{ id: 'ei:1' }],
			insights: { '1': [] },
			relationship_definitions: [{ id: '9' }],
			total_nodes: 10,
			total_edges: 4,
			total_context_edges: 1,
		}),
	).toEqual({
		nodes: [{ id: '1', name: 'Acme', type: 'company' }],
		edges: [{ source: '1', target: '2', label: 'works_at' }],
		context_edges: [{ source: '1', target: '2', label: 'mentioned_with', edge_type: 'context' }],
		total_nodes: 10,
		total_edges: 4,
		total_context_edges: 1,
	});
});

test('missing parts give empty lists', () => {
	expect(simplifyGraph({})).toEqual({ nodes: [], edges: [], context_edges: [] });
});
