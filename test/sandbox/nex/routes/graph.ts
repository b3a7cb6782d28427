import { ApiError, ok, type Reply } from '../http';
import type { Ctx, RouteDef } from '../router';
import { toJson } from '../json';
import type { NexStore } from '../store';
import { queryInt, queryString } from '../validate';

/** The knowledge graph: `?limit=1..5000` (default 1000) entity nodes, `format=json|html`. */

export const GRAPH_MAX_LIMIT = 5000;
export const GRAPH_DEFAULT_LIMIT = 1000;

export function buildGraph(store: NexStore, limit: number): Record<string, unknown> {
	const all = [...store.records.values()].sort((a, b) => b.createdMs - a.createdMs || (a.id < b.id ? 1 : -1));
	const included = all.slice(0, limit);
	const ids = new Set(included.map((r) => r.id.toString()));
	const nodes = included.map((r) => {
		const object = store.objectOf(r);
		const name = store.recordName(r);
		return {
			id: r.id.toString(),
			name: name || `Unnamed ${object.name}`,
			type: object.slug,
			definition_slug: object.slug,
			primary_attribute: name,
			created_at: r.createdAt,
		};
	});
	const edges = [...store.relationships.values()]
		.filter((rel) => ids.has(rel.entity1Id.toString()) && ids.has(rel.entity2Id.toString()))
		.map((rel) => {
			const def = store.relationshipDefs.get(rel.definitionId.toString());
			return {
				id: rel.id.toString(),
				source: rel.entity1Id.toString(),
				target: rel.entity2Id.toString(),
				label: def?.predicate12 ?? def?.type ?? 'related_to',
				definition_id: rel.definitionId.toString(),
			};
		});
	const relationshipDefinitions = [...store.relationshipDefs.values()].map((def) => ({
		id: def.id.toString(),
		name: `${store.objects.get(def.definition1Id.toString())?.slug ?? '?'}_${def.predicate12 ?? 'related_to'}_${store.objects.get(def.definition2Id.toString())?.slug ?? '?'}`,
		entity_1_to_2: def.predicate12 ?? '',
		entity_2_to_1: def.predicate21 ?? '',
	}));
	const insightNodes: Record<string, unknown>[] = [];
	const contextEdges: Record<string, unknown>[] = [];
	const insights: Record<string, { content: string; confidence: number; type: string }[]> = {};
	for (const insight of store.insights) {
		const entity = insight.target.entity_id?.toString();
		const nodeId = entity ? `ei:${insight.id}` : `ki:${insight.id}`;
		insightNodes.push({
			id: nodeId,
			content: insight.content,
			type: insight.type,
			confidence: insight.confidence,
			source: entity ? 'entity_insight' : 'knowledge_insight',
		});
		if (entity && ids.has(entity)) {
			contextEdges.push({ id: `ei_edge_${insight.id}`, source: nodeId, target: entity, label: insight.type, edge_type: 'insight' });
			(insights[entity] ??= []).push({ content: insight.content, confidence: insight.confidence, type: insight.type });
		}
	}
	for (const artifact of store.artifacts.values()) {
		const extracted = artifact.extracted ?? [];
		for (let i = 1; i < extracted.length; i++) {
			const a = extracted[0].canonical_entity_id.toString();
			const b = extracted[i].canonical_entity_id.toString();
			if (!ids.has(a) || !ids.has(b)) continue;
			contextEdges.push({ id: `ctx_${artifact.id}_${i}`, source: a, target: b, label: 'mentioned_with', edge_type: 'context' });
			contextEdges.push({ id: `tri_${artifact.id}_${i}`, source: b, target: a, label: 'works_with', edge_type: 'triplet', confidence: 0.82 });
		}
	}
	return {
		nodes,
		edges,
		relationship_definitions: relationshipDefinitions,
		context_edges: contextEdges,
		insight_nodes: insightNodes,
		insights,
		total_nodes: all.length,
		total_edges: store.relationships.size,
		total_context_edges: contextEdges.length,
	};
}

function graphHtml(graph: Record<string, unknown>): string {
	const data = toJson(graph).replace(/</g, '\\u003c');
	return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Nex knowledge graph</title>
<style>body{font-family:system-ui,sans-serif;margin:0}#summary{padding:12px}li{margin:2px 0}</style></head>
<body>
<div id="summary"></div>
<script id="graph-data" type="application/json">${data}</script>
<script>
const g = JSON.parse(document.getElementById('graph-data').textContent);
const s = document.getElementById('summary');
s.innerHTML = '<h1>Knowledge graph</h1><p>' + g.nodes.length + ' of ' + g.total_nodes + ' nodes, ' + g.edges.length + ' edges</p><ul>' +
  g.nodes.map(n => '<li>' + n.name.replace(/[<&]/g, c => c === '<' ? '&lt;' : '&amp;') + ' (' + n.type + ')</li>').join('') + '</ul>';
</script>
</body>
</html>
`;
}

function getGraph(ctx: Ctx): Reply {
	const limit = queryInt(ctx.query, 'limit', { min: 1, max: GRAPH_MAX_LIMIT, def: GRAPH_DEFAULT_LIMIT });
	const format = queryString(ctx.query, 'format');
	if (format !== undefined && format !== 'json' && format !== 'html') throw new ApiError(400, 'format must be "json" or "html"');
	const accept = String(ctx.headers.accept ?? '');
	const html = format === 'html' || (format === undefined && accept.includes('text/html'));
	const graph = buildGraph(ctx.store, limit);
	if (html) return { status: 200, text: graphHtml(graph), contentType: 'text/html; charset=utf-8' };
	return ok(graph);
}

export const graphRoutes: RouteDef[] = [
	{ method: 'GET', path: '/v1/graph', scope: 'record.read', operationId: 'getGraph', handler: getGraph },
];
