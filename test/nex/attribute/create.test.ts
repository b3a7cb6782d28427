import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** Attribute → Create: `POST /v1/objects/{slug}/attributes`. */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('creates a select attribute with flags and choices', async () => {
	const run = await nex.runNex({
		resource: 'attribute',
		operation: 'create',
		objectType: nex.rl('id', 'deal'),
		name: 'Priority',
		slug: 'priority',
		type: 'select',
		additionalFields: {
			description: 'How urgent the deal is',
			isRequired: false,
			isMultiValue: false,
			selectOptions: { option: [{ name: 'Low' }, { name: 'High' }] },
		},
	});
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('POST');
	expect(apiPath(request)).toBe('/v1/objects/deal/attributes');
	expect(request.body).toEqual({
		name: 'Priority',
		slug: 'priority',
		type: 'select',
		description: 'How urgent the deal is',
		options: { is_required: false, is_multi_value: false, select_options: [{ name: 'Low' }, { name: 'High' }] },
	});
	expect(run.items[0]).toEqual(
		expect.objectContaining({
			id: expect.any(String),
			slug: 'priority',
			type: 'select',
			options: expect.objectContaining({ select_options: [expect.objectContaining({ name: 'Low' }), expect.objectContaining({ name: 'High' })] }),
		}),
	);
	expect(nex.sandbox.store.objectBySlug('deal')!.attributes.some((attribute) => attribute.slug === 'priority')).toBe(true);
});

test('a plain attribute sends only name, slug and type', async () => {
	const run = await nex.runNex({
		resource: 'attribute',
		operation: 'create',
		objectType: nex.rl('id', 'company'),
		name: 'Founded',
		slug: 'founded',
		type: 'date',
	});
	expect(onlyRequest(run).body).toEqual({ name: 'Founded', slug: 'founded', type: 'date' });
	expect(run.items[0]).toEqual(expect.objectContaining({ slug: 'founded', type: 'date' }));
});

test('a read-only key gets a 403 naming object.write', async () => {
	const run = await nex.runNex(
		{ resource: 'attribute', operation: 'create', objectType: nex.rl('id', 'company'), name: 'Tier', slug: 'tier', type: 'text' },
		{ key: 'readOnly' },
	);
	expect(run.error?.description).toMatch(/"object\.write" scope/);
	expect(onlyRequest(run).status).toBe(403);
});

test('an empty slug is refused before anything is sent', async () => {
	expectInputError(
		await nex.runNex({ resource: 'attribute', operation: 'create', objectType: nex.rl('id', 'company'), name: 'Tier', slug: '={{ "" }}', type: 'text' }),
		/Slug is empty/,
	);
});
