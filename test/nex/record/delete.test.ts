import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** Record → Delete: `DELETE /v1/records/{record_id}`. */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

const firstDealId = () =>
	[...nex.sandbox.store.recordsByObject.get(nex.sandbox.store.objectBySlug('deal')!.id.toString())!][0];

test('deletes the record and says which', async () => {
	const id = firstDealId();
	const run = await nex.runNex({ resource: 'record', operation: 'delete', recordId: nex.rl('id', id) });
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('DELETE');
	expect(apiPath(request)).toBe(`/v1/records/${id}`);
	expect(run.items).toEqual([{ deleted: true, id }]);
	expect(nex.sandbox.store.records.has(id)).toBe(false);
});

test('a read-only key gets a 403 naming record.write and nothing is deleted', async () => {
	const id = firstDealId();
	const run = await nex.runNex({ resource: 'record', operation: 'delete', recordId: nex.rl('id', id) }, { key: 'readOnly' });
	expect(run.error?.description).toMatch(/"record\.write" scope/);
	expect(nex.sandbox.store.records.has(id)).toBe(true);
});

test('an empty id is refused before anything is sent', async () => {
	expectInputError(await nex.runNex({ resource: 'record', operation: 'delete', recordId: nex.rl('id', '={{ "  " }}') }), /Record is empty/);
});
