import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** Attribute → Update: `PATCH /v1/objects/{slug}/attributes/{attr_id}`. */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

const stage = () => nex.sandbox.store.objectBySlug('deal')!.attributes.find((attribute) => attribute.slug === 'stage')!;

test('renames an existing choice, adds one, and changes flags', async () => {
	const lead = stage().options.select_options!.find((option) => option.name === 'Lead')!;
	const attributeId = stage().id.toString();
	const run = await nex.runNex({
		resource: 'attribute',
		operation: 'update',
		objectType: nex.rl('id', 'deal'),
		attributeId: nex.rl('list', attributeId),
		updateFields: {
			name: 'Pipeline stage',
			isRequired: true,
			selectOptions: { option: [{ id: lead.id, name: 'Prospect' }, { name: 'Negotiation' }] },
		},
	});
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('PATCH');
	expect(apiPath(request)).toBe(`/v1/objects/deal/attributes/${attributeId}`);
	expect(request.body).toEqual({
		name: 'Pipeline stage',
		options: { is_required: true, select_options: [{ id: lead.id, name: 'Prospect' }, { name: 'Negotiation' }] },
	});
	expect(run.items[0]).toEqual(expect.objectContaining({ id: attributeId, name: 'Pipeline stage' }));
	expect(stage().options.select_options!.map((option) => option.name)).toEqual(['Prospect', 'Negotiation']);
});

test('no fields to update is refused before anything is sent', async () => {
	expectInputError(
		await nex.runNex({
			resource: 'attribute',
			operation: 'update',
			objectType: nex.rl('id', 'deal'),
			attributeId: nex.rl('id', stage().id.toString()),
		}),
		/Update Fields is empty/,
	);
});

test('an attribute id with "/" is refused before anything is sent', async () => {
	expectInputError(
		await nex.runNex({
			resource: 'attribute',
			operation: 'update',
			objectType: nex.rl('id', 'deal'),
			attributeId: nex.rl('id', '={{ "1/2" }}'),
			updateFields: { name: 'x' },
		}),
		/Attribute "1\/2" is not a valid id/,
	);
});

test('an unknown attribute is a 404 naming what was not found', async () => {
	const run = await nex.runNex({
		resource: 'attribute',
		operation: 'update',
		objectType: nex.rl('id', 'deal'),
		attributeId: nex.rl('id', '32710180831586999'),
		updateFields: { description: 'x' },
	});
	expect(run.error?.description).toMatch(/object type or attribute was not found/);
});
