import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** Relationship → Delete: `DELETE /v1/records/{record_id}/relationships/{rel_id}`. */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('deletes the link and says which; the records stay', async () => {
	const [relationship] = [...nex.sandbox.store.relationships.values()];
	const recordId = relationship.entity1Id.toString();
	const id = relationship.id.toString();
	const run = await nex.runNex({ resource: 'relationship', operation: 'delete', recordId: nex.rl('id', recordId), relationshipId: id });
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('DELETE');
	expect(apiPath(request)).toBe(`/v1/records/${recordId}/relationships/${id}`);
	expect(run.items).toEqual([{ deleted: true, record_id: recordId, id }]);
	expect(nex.sandbox.store.relationships.has(id)).toBe(false);
	expect(nex.sandbox.store.records.has(recordId)).toBe(true);
});

test('a relationship id with "/" is refused before anything is sent', async () => {
	const [relationship] = [...nex.sandbox.store.relationships.values()];
	expectInputError(
		await nex.runNex({
			resource: 'relationship',
			operation: 'delete',
			recordId: nex.rl('id', relationship.entity1Id.toString()),
			relationshipId: '={{ "5/../6" }}',
		}),
		/Relationship ID "5\/\.\.\/6" is not a valid id/,
	);
});

test('a read-only key gets a 403 naming relationship.write', async () => {
	const [relationship] = [...nex.sandbox.store.relationships.values()];
	const run = await nex.runNex(
		{
			resource: 'relationship',
			operation: 'delete',
			recordId: nex.rl('id', relationship.entity1Id.toString()),
			relationshipId: relationship.id.toString(),
		},
		{ key: 'readOnly' },
	);
	expect(run.error?.description).toMatch(/"relationship\.write" scope/);
});
