import type { INode, INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { loadOptions } from '../../harness/triggers';
import { apiPath, NEX_NODE_TYPE, startNexTest, type NexTest } from '../helpers';

/** The attribute dropdowns (valued by slug), against the sandbox. */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

function node(parameters: INodeParameters): INode {
	return {
		id: 'nex',
		name: 'Nex',
		type: NEX_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { nexApi: nex.credentialFor() },
	};
}

async function options(method: string, parameters: INodeParameters) {
	const since = nex.sandbox.requests.entries.length;
	const result = (await loadOptions(nex.engine, node(parameters), method, 'loadOptions')) as INodePropertyOptions[];
	return { result, requests: nex.requestsSince(since) };
}

test('getAttributes lists the attributes of the chosen object type, sorted by name', async () => {
	const { result, requests } = await options('getAttributes', { resource: 'record', operation: 'create', objectType: nex.rl('id', 'deal') });
	expect(result).toEqual([
		{ name: 'Amount', value: 'amount', description: 'amount (currency)' },
		{ name: 'Close date', value: 'close_date', description: 'close_date (date)' },
		{ name: 'Name', value: 'name', description: 'name (text)' },
		{ name: 'Stage', value: 'stage', description: 'stage (select)' },
	]);
	expect(requests.map((request) => [request.method, apiPath(request)])).toEqual([['GET', '/v1/objects/deal']]);
});

test('getRecordAttributes reads the record to find its object type', async () => {
	const bob = [...nex.sandbox.store.records.values()].find((record) => record.attributes.job_title === 'Founder')!;
	const { result, requests } = await options('getRecordAttributes', {
		resource: 'record',
		operation: 'update',
		recordId: nex.rl('id', bob.id.toString()),
	});
	expect(result.map((option) => option.value)).toEqual(expect.arrayContaining(['email_addresses', 'job_title', 'name']));
	expect(requests.map(apiPath)).toEqual([`/v1/records/${bob.id.toString()}`, '/v1/objects/person']);
});

test('getListAttributes lists the list-specific attributes', async () => {
	const vip = [...nex.sandbox.store.lists.values()].find((list) => list.slug === 'vip-contacts')!;
	const { result, requests } = await options('getListAttributes', {
		resource: 'listEntry',
		operation: 'update',
		listId: nex.rl('id', vip.id.toString()),
	});
	expect(result.map((option) => option.value).sort()).toEqual(vip.attributes.map((attribute) => attribute.slug).sort());
	expect(requests.map(apiPath)).toEqual([`/v1/lists/${vip.id.toString()}`]);
});

test('without the parameter they depend on, nothing is asked', async () => {
	expect((await options('getAttributes', { resource: 'record', operation: 'create' })).requests).toHaveLength(0);
	expect((await options('getRecordAttributes', { recordId: nex.rl('id', 'not-a-number') })).requests).toHaveLength(0);
	expect((await options('getListAttributes', {})).requests).toHaveLength(0);
});
