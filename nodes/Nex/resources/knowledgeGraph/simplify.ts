import type { IDataObject } from 'n8n-workflow';

function objects(value: unknown): IDataObject[] {
	return Array.isArray(value) ? (value.filter((entry) => entry && typeof entry === 'object') as IDataObject[]) : [];
}

function defined(object: IDataObject): IDataObject {
	for (const key of Object.keys(object)) if (object[key] === undefined) delete object[key];
	return object;
}

/**
 * The graph's structure without its bulk: entity nodes (id, name, type), CRM edges and context
 * edges (source, target, label), and the workspace totals. Insight nodes, per-entity insight
 * summaries and relationship definitions are left out.
 */
export function simplifyGraph(graph: IDataObject): IDataObject {
	return defined({
		nodes: objects(graph.nodes).map((node) => defined({ id: node.id, name: node.name, type: node.type })),
		edges: objects(graph.edges).map((edge) => defined({ source: edge.source, target: edge.target, label: edge.label })),
		context_edges: objects(graph.context_edges).map((edge) =>
			defined({ source: edge.source, target: edge.target, label: edge.label, edge_type: edge.edge_type }),
		),
		total_nodes: graph.total_nodes,
		total_edges: graph.total_edges,
		total_context_edges: graph.total_context_edges,
	});
}
