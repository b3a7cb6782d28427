import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** Object → Update: `PATCH /v1/objects/{slug}`. */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('sends the changed fields and returns the updated object type', async () => {
	const run = await nex.runNex({
		resource: 'object',
		operation: 'update',
		objectType: nex.rl('id', 'deal'),
		updateFields: { name: 'Opportunity', namePlural: 'Opportunities', description: 'Sales opportunities' },
	});
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('PATCH');
	expect(apiPath(request)).toBe('/v1/objects/deal');
	expect(request.body).toEqual({ name: 'Opportunity', name_plural: 'Opportunities', description: 'Sales opportunities' });
	expect(run.items[0]).toEqual(expect.objectContaining({ slug: 'deal', name: 'Opportunity', name_plural: 'Opportunities' }));
	expect(nex.sandbox.store.objectBySlug('deal')?.name).toBe('Opportunity');
});

test('no fields to update is refused before anything is sent', async () => {
	expectInputError(await nex.runNex({ resource: 'object', operation: 'update', objectType: nex.rl('id', 'deal') }), /Update Fields is empty/);
});

test('a read-only key gets a 403 naming object.write', async () => {
	const run = await nex.runNex(
		{ resource: 'object', operation: 'update', objectType: nex.rl('id', 'deal'), updateFields: { description: 'x' } },
		{ key: 'readOnly' },
	);
	expect(run.error?.description).toMatch(/"object\.write" scope/);
});
