import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('returns the simplified graph as one item, asking for the chosen number of nodes as JSON', async () => {
	const run = await nex.runNex({ resource: 'knowledgeGraph', operation: 'get', maxNodes: 5 });
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path])).toEqual([['GET', '/api/developers/v1/graph']]);
	expect(run.requests[0].query).toEqual({ format: 'json', limit: '5' });
	expect(run.items).toHaveLength(1);
	const graph = run.items[0] as { nodes: Array<Record<string, unknown>>; edges: unknown[]; total_nodes: number };
	expect(Object.keys(graph).sort()).toEqual(['context_edges', 'edges', 'nodes', 'total_context_edges', 'total_edges', 'total_nodes']);
	expect(graph.nodes).toHaveLength(5);
	expect(Object.keys(graph.nodes[0]).sort()).toEqual(['id', 'name', 'type']);
	expect(graph.total_nodes).toBe(nex.sandbox.store.records.size);
	for (const node of graph.nodes) expect(nex.sandbox.store.records.has(String(node.id))).toBe(true);
});

test('Simplify off returns the whole answer', async () => {
	const run = await nex.runNex({ resource: 'knowledgeGraph', operation: 'get', maxNodes: 1000, simplify: false });
	expect(run.items).toHaveLength(1);
	expect(run.items[0]).toHaveProperty('insight_nodes');
	expect(run.items[0]).toHaveProperty('relationship_definitions');
	expect((run.items[0].nodes as unknown[]).length).toBe(nex.sandbox.store.records.size);
});

test('the HTML visualization comes back as one item holding the page', async () => {
	const run = await nex.runNex({ resource: 'knowledgeGraph', operation: 'get', format: 'html', maxNodes: 10 });
	expect(run.error).toBeUndefined();
	expect(run.requests[0].query).toEqual({ format: 'html', limit: '10' });
	expect(run.items).toHaveLength(1);
	expect(Object.keys(run.items[0])).toEqual(['html']);
	expect(String(run.items[0].html)).toMatch(/^<!doctype html>/i);
	expect(String(run.items[0].html)).toContain('Knowledge graph');
});

test('a node count above 5000 is rejected before sending', async () => {
	const run = await nex.runNex({ resource: 'knowledgeGraph', operation: 'get', maxNodes: '={{ 6000 }}' });
	expect(run.error?.message).toContain('Max Nodes must be a whole number between 1 and 5000');
	expect(run.requests).toHaveLength(0);
});

test('a key without record.read gets a 403 that names the scope', async () => {
	const run = await nex.runNex({ resource: 'knowledgeGraph', operation: 'get' }, { key: 'insightOnly' });
	expect(run.error?.description).toContain('record.read');
});
