import type { INode, INodeListSearchResult, INodeParameters } from 'n8n-workflow';

import { loadOptions } from '../../harness/triggers';
import { apiPath, NEX_NODE_TYPE, startNexTest, type NexTest } from '../helpers';

/** The searchable dropdowns (resource locators' "From List" modes), against the sandbox. */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

function node(parameters: INodeParameters, key = 'full'): INode {
	return {
		id: 'nex',
		name: 'Nex',
		type: NEX_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { nexApi: nex.credentialFor(key) },
	};
}

async function search(method: string, parameters: INodeParameters, filter?: string, key?: string) {
	const since = nex.sandbox.requests.entries.length;
	const result = (await loadOptions(nex.engine, node(parameters, key), method, 'listSearch', filter)) as INodeListSearchResult;
	return { results: result.results, requests: nex.requestsSince(since) };
}

const store = () => nex.sandbox.store;

test('searchObjectTypes lists object types by slug and filters them', async () => {
	const all = await search('searchObjectTypes', { resource: 'record', operation: 'getAll' });
	expect(all.results).toEqual([
		{ name: 'Company (company)', value: 'company' },
		{ name: 'Person (person)', value: 'person' },
		{ name: 'Deal (deal)', value: 'deal' },
	]);
	expect(all.requests.map((request) => [request.method, apiPath(request)])).toEqual([['GET', '/v1/objects']]);
	const filtered = await search('searchObjectTypes', {}, 'PERS');
	expect(filtered.results).toEqual([{ name: 'Person (person)', value: 'person' }]);
});

test('searchObjectTypeIds values object types by id', async () => {
	const { results } = await search('searchObjectTypeIds', {}, 'deal');
	expect(results).toEqual([{ name: 'Deal (deal)', value: store().objectBySlug('deal')!.id.toString() }]);
});

test('searchAttributes lists the attributes of the chosen object type by id', async () => {
	const { results, requests } = await search(
		'searchAttributes',
		{ resource: 'attribute', operation: 'update', objectType: nex.rl('list', 'deal') },
		'stage',
	);
	const stage = store().objectBySlug('deal')!.attributes.find((attribute) => attribute.slug === 'stage')!;
	expect(results).toEqual([{ name: 'Stage (stage, select)', value: stage.id.toString() }]);
	expect(apiPath(requests[0])).toBe('/v1/objects/deal');
});

test('searchAttributes without an object type asks nothing', async () => {
	const { results, requests } = await search('searchAttributes', { resource: 'attribute', operation: 'update' });
	expect(results).toEqual([]);
	expect(requests).toHaveLength(0);
});

test('searchLists lists the lists of every object type and filters by list or object type name', async () => {
	const vip = [...store().lists.values()].find((list) => list.slug === 'vip-contacts')!;
	const pipeline = [...store().lists.values()].find((list) => list.slug === 'enterprise-pipeline')!;
	const everywhere = await search('searchLists', { resource: 'listEntry', operation: 'getAll' });
	expect(everywhere.results).toEqual(
		expect.arrayContaining([
			{ name: 'VIP Contacts (Person)', value: vip.id.toString() },
			{ name: 'Enterprise Pipeline (Company)', value: pipeline.id.toString() },
		]),
	);
	expect(everywhere.results).toHaveLength(2);
	expect(everywhere.requests.map(apiPath)).toEqual(['/v1/objects', '/v1/objects/company/lists', '/v1/objects/person/lists', '/v1/objects/deal/lists']);

	const filtered = await search('searchLists', {}, 'vip');
	expect(filtered.results).toEqual([{ name: 'VIP Contacts (Person)', value: vip.id.toString() }]);
	const byObjectName = await search('searchLists', {}, 'compan');
	expect(byObjectName.results).toEqual([{ name: 'Enterprise Pipeline (Company)', value: pipeline.id.toString() }]);
});

test('searchRelationshipDefinitions names both object types and the label', async () => {
	const worksAt = [...store().relationshipDefs.values()][0];
	const { results } = await search('searchRelationshipDefinitions', {});
	expect(results).toEqual([{ name: 'Person works at Company (many_to_many)', value: worksAt.id.toString() }]);
});

test('searchRecords uses the full-text search and values records by id', async () => {
	const bob = [...store().records.values()].find((record) => record.attributes.job_title === 'Founder')!;
	const { results, requests } = await search('searchRecords', { resource: 'record', operation: 'get' }, 'bob');
	expect(results).toEqual(expect.arrayContaining([{ name: 'Bob Wilson (person)', value: bob.id.toString() }]));
	expect(requests[0].body).toEqual({ query: 'bob' });
	const none = await search('searchRecords', {}, '  ');
	expect(none.results).toEqual([]);
	expect(none.requests).toHaveLength(0);
});

test('a key without the scope gets the transport error naming it', async () => {
	await expect(search('searchObjectTypes', {}, undefined, 'noScopes')).rejects.toThrow('The Nex API key lacks the "object.read" scope');
});
