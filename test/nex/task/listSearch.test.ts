import { LoadOptionsContext } from 'n8n-core';
import type { ILoadOptionsFunctions, INode, INodeListSearchResult, IWorkflowBase } from 'n8n-workflow';

import { searchTasks } from '../../../nodes/Nex/resources/task';
import { NEX_NODE_TYPE, startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
	nex.sandbox.seed({ tasks: 150 });
});
afterAll(async () => await nex.close());

async function search(filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const node: INode = {
		id: 'nex',
		name: 'Nex',
		type: NEX_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: 'task', operation: 'get' },
		credentials: { nexApi: nex.credentialFor('full') },
	};
	const workflow = nex.engine.workflow({ nodes: [node], connections: {} });
	const base = { id: 'test-workflow', name: 'Dropdown', active: false, isArchived: false, nodes: [node], connections: {} } as unknown as IWorkflowBase;
	const context = new LoadOptionsContext(workflow, node, nex.engine.additionalData('search-tasks', base, 'internal'), '');
	return await searchTasks.call(context as unknown as ILoadOptionsFunctions, filter, paginationToken);
}

test('lists tasks by title with their exact ids, a page at a time', async () => {
	const since = nex.sandbox.requests.entries.length;
	const first = await search();
	expect(first.results).toHaveLength(100);
	expect(first.paginationToken).toBe('100');
	for (const result of first.results) expect(nex.sandbox.store.tasks.has(String(result.value))).toBe(true);
	const second = await search(undefined, first.paginationToken as string);
	expect(second.results.length).toBeGreaterThan(0);
	expect(new Set([...first.results, ...second.results].map((r) => r.value)).size).toBe(first.results.length + second.results.length);
	expect(nex.requestsSince(since).map((r) => r.rawQuery)).toEqual(['limit=100&offset=0', 'limit=100&offset=100']);
});

test('the filter is sent as the title search', async () => {
	const since = nex.sandbox.requests.entries.length;
	const found = await search('invoice');
	expect(found.results.length).toBeGreaterThan(0);
	for (const result of found.results) expect(result.name.toLowerCase()).toContain('invoice');
	expect(nex.requestsSince(since)[0].query).toEqual({ limit: '100', offset: '0', search: 'invoice' });
});
