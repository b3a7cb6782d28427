import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** Object → Create: `POST /v1/objects`. */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('creates an object type with every optional field', async () => {
	const run = await nex.runNex({
		resource: 'object',
		operation: 'create',
		name: 'Project',
		slug: 'project',
		additionalFields: { namePlural: 'Projects', description: 'Client projects', type: 'custom' },
	});
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('POST');
	expect(apiPath(request)).toBe('/v1/objects');
	expect(request.body).toEqual({ name: 'Project', slug: 'project', name_plural: 'Projects', description: 'Client projects', type: 'custom' });
	expect(run.items[0]).toEqual(
		expect.objectContaining({ slug: 'project', name: 'Project', name_plural: 'Projects', type: 'custom', id: expect.any(String) }),
	);
	expect(nex.sandbox.store.objectBySlug('project')?.id.toString()).toBe(run.items[0].id);
});

test('only name and slug are sent when nothing else is set', async () => {
	const run = await nex.runNex({ resource: 'object', operation: 'create', name: 'Vendor', slug: 'vendor' });
	expect(onlyRequest(run).body).toEqual({ name: 'Vendor', slug: 'vendor' });
});

test("a taken slug keeps Nex's 400 message", async () => {
	const run = await nex.runNex({ resource: 'object', operation: 'create', name: 'People', slug: 'person' });
	expect(run.error?.message).toMatch(/already exists/);
	expect(run.error?.message).not.toMatch(/Nex API error/);
	expect(run.error?.description).toMatch(/^Nex API error 400: .*already exists/);
});

test('a read-only key gets a 403 naming object.write', async () => {
	const run = await nex.runNex({ resource: 'object', operation: 'create', name: 'Ticket', slug: 'ticket' }, { key: 'readOnly' });
	expect(run.error?.description).toMatch(/"object\.write" scope/);
	expect(onlyRequest(run).status).toBe(403);
	expect(nex.sandbox.store.objectBySlug('ticket')).toBeUndefined();
});

test('an empty name (from an expression) is refused before anything is sent', async () => {
	expectInputError(await nex.runNex({ resource: 'object', operation: 'create', name: '={{ "" }}', slug: 'x' }), /Name is empty/);
});
