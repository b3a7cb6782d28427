import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** Relationship → Create: `POST /v1/records/{record_id}/relationships`. */

let nex: NexTest;
let worksAtId: string;
let bobId: string;
let techflowId: string;
beforeAll(async () => {
	nex = await startNexTest();
	const store = nex.sandbox.store;
	worksAtId = [...store.relationshipDefs.keys()][0];
	bobId = [...store.records.values()].find((record) => record.attributes.job_title === 'Founder')!.id.toString();
	techflowId = [...store.records.values()].find((record) => record.attributes.name === 'TechFlow')!.id.toString();
});
afterAll(async () => await nex.close());

test('links two records under the first record', async () => {
	const run = await nex.runNex({
		resource: 'relationship',
		operation: 'create',
		definitionId: nex.rl('id', worksAtId),
		firstRecordId: nex.rl('id', bobId),
		secondRecordId: nex.rl('id', techflowId),
	});
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('POST');
	expect(apiPath(request)).toBe(`/v1/records/${bobId}/relationships`);
	expect(request.body).toEqual({ definition_id: worksAtId, entity_1_id: bobId, entity_2_id: techflowId });
	expect(run.items[0]).toEqual(
		expect.objectContaining({ id: expect.any(String), definition_id: worksAtId, entity_1_id: bobId, entity_2_id: techflowId }),
	);
	expect(nex.sandbox.store.relationships.has(run.items[0].id as string)).toBe(true);
});

test('a read-only key gets a 403 naming relationship.write', async () => {
	const run = await nex.runNex(
		{
			resource: 'relationship',
			operation: 'create',
			definitionId: nex.rl('id', worksAtId),
			firstRecordId: nex.rl('id', bobId),
			secondRecordId: nex.rl('id', techflowId),
		},
		{ key: 'readOnly' },
	);
	expect(run.error?.description).toMatch(/"relationship\.write" scope/);
});

test('a second record that is not an id is refused before anything is sent', async () => {
	expectInputError(
		await nex.runNex({
			resource: 'relationship',
			operation: 'create',
			definitionId: nex.rl('id', worksAtId),
			firstRecordId: nex.rl('id', bobId),
			secondRecordId: nex.rl('id', '={{ "TechFlow" }}'),
		}),
		/Second Record "TechFlow" is not a valid id/,
	);
});
