import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** Object → Get Many: `GET /v1/objects` (optionally `?include_attributes=true`). */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

const slugsInStore = () => [...nex.sandbox.store.objects.values()].map((object) => object.slug);

test('returns every object type', async () => {
	const run = await nex.runNex({ resource: 'object', operation: 'getAll', returnAll: true });
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('GET');
	expect(apiPath(request)).toBe('/v1/objects');
	expect(request.rawQuery).toBe('');
	expect(run.items.map((item) => item.slug)).toEqual(slugsInStore());
	expect(run.items[0]).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String), type: expect.any(String) }));
});

test('Include Attributes asks for the attribute definitions', async () => {
	const run = await nex.runNex({ resource: 'object', operation: 'getAll', returnAll: true, options: { includeAttributes: true } });
	expect(onlyRequest(run).query).toEqual({ include_attributes: 'true' });
	const person = run.items.find((item) => item.slug === 'person');
	expect(person?.attributes).toEqual(expect.arrayContaining([expect.objectContaining({ slug: 'email_addresses', type: 'email' })]));
});

test('a Limit keeps that many', async () => {
	const run = await nex.runNex({ resource: 'object', operation: 'getAll', limit: 2 });
	expect(run.items.map((item) => item.slug)).toEqual(slugsInStore().slice(0, 2));
});

test('a key without object.read gets a 403 naming the scope', async () => {
	const run = await nex.runNex({ resource: 'object', operation: 'getAll', returnAll: true }, { key: 'noScopes' });
	expect(run.error?.description).toMatch(/"object\.read" scope/);
});

test('a Limit of 0 is refused before anything is sent', async () => {
	expectInputError(await nex.runNex({ resource: 'object', operation: 'getAll', limit: '={{ 0 }}' }), /Limit must be a whole number/);
});
