import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** List → Delete: `DELETE /v1/lists/{id}`. */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

const pipelineId = () => [...nex.sandbox.store.lists.values()].find((list) => list.slug === 'enterprise-pipeline')?.id.toString();

test('deleting a list needs object.write: a read-only key gets a 403 naming it', async () => {
	const run = await nex.runNex({ resource: 'list', operation: 'delete', listId: nex.rl('id', pipelineId()!) }, { key: 'readOnly' });
	expect(run.error?.description).toMatch(/"object\.write" scope/);
	expect(pipelineId()).toBeDefined();
});

test('deletes the list and says which; its records stay', async () => {
	const id = pipelineId()!;
	const records = nex.sandbox.store.records.size;
	const run = await nex.runNex({ resource: 'list', operation: 'delete', listId: nex.rl('id', id) });
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('DELETE');
	expect(apiPath(request)).toBe(`/v1/lists/${id}`);
	expect(run.items).toEqual([{ deleted: true, id }]);
	expect(pipelineId()).toBeUndefined();
	expect(nex.sandbox.store.records.size).toBe(records);
});

test('an empty list id is refused before anything is sent', async () => {
	expectInputError(await nex.runNex({ resource: 'list', operation: 'delete', listId: nex.rl('id', '={{ "" }}') }), /List is empty/);
});
