import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** List → Get Many: `GET /v1/objects/{slug}/lists`. */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('returns the lists of an object type', async () => {
	const run = await nex.runNex({ resource: 'list', operation: 'getAll', objectType: nex.rl('id', 'person'), returnAll: true });
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('GET');
	expect(apiPath(request)).toBe('/v1/objects/person/lists');
	const vip = [...nex.sandbox.store.lists.values()].find((list) => list.slug === 'vip-contacts')!;
	expect(run.items).toEqual([expect.objectContaining({ id: vip.id.toString(), slug: 'vip-contacts', name: 'VIP Contacts', type: 'list' })]);
});

test('Include Attributes asks for the list attributes', async () => {
	const run = await nex.runNex({
		resource: 'list',
		operation: 'getAll',
		objectType: nex.rl('id', 'company'),
		returnAll: true,
		options: { includeAttributes: true },
	});
	expect(onlyRequest(run).query).toEqual({ include_attributes: 'true' });
	expect(run.items[0]).toEqual(expect.objectContaining({ slug: 'enterprise-pipeline', attributes: expect.any(Array) }));
});

test('a Limit keeps that many', async () => {
	await nex.runNex({ resource: 'list', operation: 'create', objectType: nex.rl('id', 'person'), name: 'Second', slug: 'second-list' });
	const all = await nex.runNex({ resource: 'list', operation: 'getAll', objectType: nex.rl('id', 'person'), returnAll: true });
	expect(all.items).toHaveLength(2);
	const one = await nex.runNex({ resource: 'list', operation: 'getAll', objectType: nex.rl('id', 'person'), limit: 1 });
	expect(one.items.map((item) => item.slug)).toEqual(['vip-contacts']);
});

test('a key without list.read gets a 403 naming the scope', async () => {
	const run = await nex.runNex({ resource: 'list', operation: 'getAll', objectType: nex.rl('id', 'person'), returnAll: true }, { key: 'noScopes' });
	expect(run.error?.description).toMatch(/"list\.read" scope/);
});

test('a Limit below 1 is refused before anything is sent', async () => {
	expectInputError(await nex.runNex({ resource: 'list', operation: 'getAll', objectType: nex.rl('id', 'person'), limit: -1 }), /Limit/);
});
