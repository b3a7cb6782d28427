import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** Object → Get: `GET /v1/objects/{slug}`. */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('gets one object type with its attributes', async () => {
	const run = await nex.runNex({ resource: 'object', operation: 'get', objectType: nex.rl('id', 'company') });
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('GET');
	expect(apiPath(request)).toBe('/v1/objects/company');
	expect(run.items).toHaveLength(1);
	expect(run.items[0]).toEqual(
		expect.objectContaining({
			id: nex.sandbox.store.objectBySlug('company')!.id.toString(),
			slug: 'company',
			name: 'Company',
			attributes: expect.arrayContaining([expect.objectContaining({ slug: 'domains' })]),
		}),
	);
});

test('a slug picked from the list works the same', async () => {
	const run = await nex.runNex({ resource: 'object', operation: 'get', objectType: nex.rl('list', 'deal') });
	expect(apiPath(onlyRequest(run))).toBe('/v1/objects/deal');
	expect(run.items[0].slug).toBe('deal');
});

test('an unknown slug is a 404 that says the object type was not found', async () => {
	const run = await nex.runNex({ resource: 'object', operation: 'get', objectType: nex.rl('id', 'spaceship') });
	expect(run.error?.message).toBe('No object type with id spaceship');
	expect(run.error?.description).toMatch(/^Nex API error 404: /);
	expect(run.error?.description).toMatch(/object type was not found/);
});

test('a slug with "/" is refused before anything is sent', async () => {
	expectInputError(
		await nex.runNex({ resource: 'object', operation: 'get', objectType: nex.rl('id', '={{ "person/attributes" }}') }),
		/Object Type "person\/attributes" is not a valid id/,
	);
});

test('an empty slug is refused before anything is sent', async () => {
	expectInputError(await nex.runNex({ resource: 'object', operation: 'get', objectType: nex.rl('id', '={{ null }}') }), /Object Type is empty/);
});
