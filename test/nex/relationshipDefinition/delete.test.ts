import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** Relationship Definition → Delete: `DELETE /v1/relationships/{id}`. */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('deletes the definition and says which', async () => {
	const id = [...nex.sandbox.store.relationshipDefs.keys()][0];
	const run = await nex.runNex({ resource: 'relationshipDefinition', operation: 'delete', definitionId: nex.rl('list', id) });
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('DELETE');
	expect(apiPath(request)).toBe(`/v1/relationships/${id}`);
	expect(run.items).toEqual([{ deleted: true, id }]);
	expect(nex.sandbox.store.relationshipDefs.has(id)).toBe(false);
});

test('an unknown definition is a 404 naming what was not found', async () => {
	const run = await nex.runNex({ resource: 'relationshipDefinition', operation: 'delete', definitionId: nex.rl('id', '32710180831586999') });
	expect(run.error?.description).toMatch(/relationship definition was not found/);
});

test('an id with "/" is refused before anything is sent', async () => {
	expectInputError(
		await nex.runNex({ resource: 'relationshipDefinition', operation: 'delete', definitionId: nex.rl('id', '={{ "1/2" }}') }),
		/Relationship Definition "1\/2" is not a valid id/,
	);
});
