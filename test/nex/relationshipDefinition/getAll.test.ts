import { apiPath, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** Relationship Definition → Get Many: `GET /v1/relationships`. */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('returns every definition', async () => {
	const run = await nex.runNex({ resource: 'relationshipDefinition', operation: 'getAll', returnAll: true });
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('GET');
	expect(apiPath(request)).toBe('/v1/relationships');
	const stored = [...nex.sandbox.store.relationshipDefs.values()];
	expect(run.items.map((item) => item.id)).toEqual(stored.map((definition) => definition.id.toString()));
	expect(run.items[0]).toEqual(expect.objectContaining({ type: 'many_to_many', entity_1_to_2_predicate: 'works at' }));
});

test('a Limit keeps that many', async () => {
	const run = await nex.runNex({ resource: 'relationshipDefinition', operation: 'getAll', limit: 1 });
	expect(run.items).toHaveLength(1);
});

test('a key without relationship.read gets a 403 naming the scope', async () => {
	const run = await nex.runNex({ resource: 'relationshipDefinition', operation: 'getAll', returnAll: true }, { key: 'noScopes' });
	expect(run.error?.description).toMatch(/"relationship\.read" scope/);
});
