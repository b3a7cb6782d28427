import { LoadOptionsContext } from 'n8n-core';
import type { ILoadOptionsFunctions, INode, IWorkflowBase } from 'n8n-workflow';

import { searchNotes } from '../../../nodes/Nex/resources/note';
import { NEX_NODE_TYPE, startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

function dropdownContext(): ILoadOptionsFunctions {
	const node: INode = {
		id: 'nex',
		name: 'Nex',
		type: NEX_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: 'note', operation: 'get' },
		credentials: { nexApi: nex.credentialFor('full') },
	};
	const workflow = nex.engine.workflow({ nodes: [node], connections: {} });
	const base = { id: 'test-workflow', name: 'Dropdown', active: false, isArchived: false, nodes: [node], connections: {} } as unknown as IWorkflowBase;
	return new LoadOptionsContext(workflow, node, nex.engine.additionalData('search-notes', base, 'internal'), '') as unknown as ILoadOptionsFunctions;
}

test('lists notes by title with their ids, filtered by the typed text', async () => {
	const since = nex.sandbox.requests.entries.length;
	const all = await searchNotes.call(dropdownContext());
	const open = [...nex.sandbox.store.notes.values()].filter((note) => !note.archivedAt);
	expect(all.results.map((r) => r.value).sort()).toEqual(open.map((note) => note.id.toString()).sort());
	const wanted = open[0].title.slice(0, 6).toLowerCase();
	const filtered = await searchNotes.call(dropdownContext(), wanted);
	expect(filtered.results.length).toBeGreaterThan(0);
	for (const result of filtered.results) expect(result.name.toLowerCase()).toContain(wanted);
	expect(nex.requestsSince(since).map((r) => [r.method, r.path])).toEqual([
		['GET', '/api/developers/v1/notes'],
		['GET', '/api/developers/v1/notes'],
	]);
});
