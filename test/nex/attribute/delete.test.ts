import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** Attribute → Delete: `DELETE /v1/objects/{slug}/attributes/{attr_id}`. */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

const website = () => nex.sandbox.store.objectBySlug('company')!.attributes.find((attribute) => attribute.slug === 'website');

test('deletes the attribute and says which', async () => {
	const id = website()!.id.toString();
	const run = await nex.runNex({
		resource: 'attribute',
		operation: 'delete',
		objectType: nex.rl('id', 'company'),
		attributeId: nex.rl('id', id),
	});
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('DELETE');
	expect(apiPath(request)).toBe(`/v1/objects/company/attributes/${id}`);
	expect(run.items).toEqual([{ deleted: true, object_type: 'company', id }]);
	expect(website()).toBeUndefined();
});

test('a read-only key gets a 403 naming object.write', async () => {
	const id = nex.sandbox.store.objectBySlug('company')!.attributes.find((attribute) => attribute.slug === 'description')!.id.toString();
	const run = await nex.runNex(
		{ resource: 'attribute', operation: 'delete', objectType: nex.rl('id', 'company'), attributeId: nex.rl('id', id) },
		{ key: 'readOnly' },
	);
	expect(run.error?.description).toMatch(/"object\.write" scope/);
});

test('an empty attribute is refused before anything is sent', async () => {
	expectInputError(
		await nex.runNex({ resource: 'attribute', operation: 'delete', objectType: nex.rl('id', 'company'), attributeId: nex.rl('id', '={{ "" }}') }),
		/Attribute is empty/,
	);
});
