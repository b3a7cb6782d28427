import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** List → Create: `POST /v1/objects/{slug}/lists`. */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('creates a list for an object type', async () => {
	const run = await nex.runNex({
		resource: 'list',
		operation: 'create',
		objectType: nex.rl('id', 'person'),
		name: 'Newsletter',
		slug: 'newsletter',
		additionalFields: { description: 'Monthly newsletter readers', namePlural: 'Newsletters' },
	});
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('POST');
	expect(apiPath(request)).toBe('/v1/objects/person/lists');
	expect(request.body).toEqual({ name: 'Newsletter', slug: 'newsletter', description: 'Monthly newsletter readers', name_plural: 'Newsletters' });
	const stored = [...nex.sandbox.store.lists.values()].find((list) => list.slug === 'newsletter')!;
	expect(run.items).toEqual([expect.objectContaining({ id: stored.id.toString(), slug: 'newsletter', type: 'list' })]);
});

test('creating a list needs object.write: a read-only key gets a 403 naming it', async () => {
	const run = await nex.runNex(
		{ resource: 'list', operation: 'create', objectType: nex.rl('id', 'person'), name: 'X', slug: 'x-list' },
		{ key: 'readOnly' },
	);
	expect(run.error?.description).toMatch(/"object\.write" scope/);
	expect(onlyRequest(run).status).toBe(403);
});

test('an empty name is refused before anything is sent', async () => {
	expectInputError(
		await nex.runNex({ resource: 'list', operation: 'create', objectType: nex.rl('id', 'person'), name: '={{ " " }}', slug: 'y' }),
		/Name is empty/,
	);
});
