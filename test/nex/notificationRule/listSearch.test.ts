import { LoadOptionsContext } from 'n8n-core';
import type { ILoadOptionsFunctions, INode, IWorkflowBase } from 'n8n-workflow';

import { searchNotificationRules } from '../../../nodes/Nex/resources/notificationRule';
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
		parameters: { resource: 'notificationRule', operation: 'get' },
		credentials: { nexApi: nex.credentialFor('full') },
	};
	const workflow = nex.engine.workflow({ nodes: [node], connections: {} });
	const base = { id: 'test-workflow', name: 'Dropdown', active: false, isArchived: false, nodes: [node], connections: {} } as unknown as IWorkflowBase;
	return new LoadOptionsContext(workflow, node, nex.engine.additionalData('search-rules', base, 'internal'), '') as unknown as ILoadOptionsFunctions;
}

test('lists rules by name with their ids, filtered by the typed text', async () => {
	const since = nex.sandbox.requests.entries.length;
	const all = await searchNotificationRules.call(dropdownContext());
	expect(all.results.map((r) => r.value)).toEqual([...nex.sandbox.store.customRules.keys()]);
	const filtered = await searchNotificationRules.call(dropdownContext(), 'competitor');
	expect(filtered.results).toHaveLength(1);
	expect(nex.requestsSince(since).map((r) => [r.method, r.path])).toEqual([
		['GET', '/api/developers/v1/notifications/custom'],
		['GET', '/api/developers/v1/notifications/custom'],
	]);
});
