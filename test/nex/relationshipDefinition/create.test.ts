import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** Relationship Definition → Create: `POST /v1/relationships`. */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

const objectId = (slug: string) => nex.sandbox.store.objectBySlug(slug)!.id.toString();

test('creates a definition between two object types', async () => {
	const run = await nex.runNex({
		resource: 'relationshipDefinition',
		operation: 'create',
		cardinality: 'one_to_many',
		firstObjectType: nex.rl('list', objectId('company')),
		secondObjectType: nex.rl('id', objectId('deal')),
		additionalFields: { firstToSecondPredicate: 'owns', secondToFirstPredicate: 'belongs to' },
	});
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('POST');
	expect(apiPath(request)).toBe('/v1/relationships');
	expect(request.body).toEqual({
		type: 'one_to_many',
		entity_definition_1_id: objectId('company'),
		entity_definition_2_id: objectId('deal'),
		entity_1_to_2_predicate: 'owns',
		entity_2_to_1_predicate: 'belongs to',
	});
	expect(run.items[0]).toEqual(
		expect.objectContaining({ id: expect.any(String), type: 'one_to_many', entity_definition_1_id: objectId('company') }),
	);
	expect(nex.sandbox.store.relationshipDefs.has(run.items[0].id as string)).toBe(true);
});

test('a read-only key gets a 403 naming relationship.write', async () => {
	const run = await nex.runNex(
		{
			resource: 'relationshipDefinition',
			operation: 'create',
			cardinality: 'many_to_many',
			firstObjectType: nex.rl('id', objectId('person')),
			secondObjectType: nex.rl('id', objectId('deal')),
		},
		{ key: 'readOnly' },
	);
	expect(run.error?.description).toMatch(/"relationship\.write" scope/);
});

test('an empty object type is refused before anything is sent', async () => {
	expectInputError(
		await nex.runNex({
			resource: 'relationshipDefinition',
			operation: 'create',
			cardinality: 'one_to_one',
			firstObjectType: nex.rl('id', objectId('person')),
			secondObjectType: nex.rl('id', '={{ "" }}'),
		}),
		/Second Object Type is empty/,
	);
});
