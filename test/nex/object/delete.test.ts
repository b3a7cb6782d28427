import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** Object → Delete: `DELETE /v1/objects/{slug}`. */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('deletes the object type and says which', async () => {
	const run = await nex.runNex({ resource: 'object', operation: 'delete', objectType: nex.rl('id', 'deal') });
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('DELETE');
	expect(apiPath(request)).toBe('/v1/objects/deal');
	expect(run.items).toEqual([{ deleted: true, slug: 'deal' }]);
	expect(nex.sandbox.store.objectBySlug('deal')).toBeUndefined();
});

test('a read-only key gets a 403 naming object.write', async () => {
	const run = await nex.runNex({ resource: 'object', operation: 'delete', objectType: nex.rl('id', 'company') }, { key: 'readOnly' });
	expect(run.error?.description).toMatch(/"object\.write" scope/);
	expect(nex.sandbox.store.objectBySlug('company')).toBeDefined();
});

test('a slug with "/" is refused before anything is sent', async () => {
	expectInputError(
		await nex.runNex({ resource: 'object', operation: 'delete', objectType: nex.rl('id', '={{ "../objects" }}') }),
		/Object Type "\.\.\/objects" is not a valid id/,
	);
});
