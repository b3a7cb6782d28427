import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** List Entry → Remove: `DELETE /v1/lists/{id}/records/{record_id}` (scope record.write). */

let nex: NexTest;
let vipId: string;
beforeAll(async () => {
	nex = await startNexTest();
	vipId = [...nex.sandbox.store.lists.values()].find((list) => list.slug === 'vip-contacts')!.id.toString();
});
afterAll(async () => await nex.close());

const members = () => nex.sandbox.store.entriesByList.get(vipId)!;

test('a read-only key gets a 403 naming record.write (the scope this endpoint needs)', async () => {
	const memberId = [...members().keys()][0];
	const run = await nex.runNex(
		{ resource: 'listEntry', operation: 'remove', listId: nex.rl('id', vipId), recordId: nex.rl('id', memberId) },
		{ key: 'readOnly' },
	);
	expect(run.error?.description).toMatch(/"record\.write" scope/);
	expect(members().has(memberId)).toBe(true);
});

test('removes the record from the list; the record stays', async () => {
	const memberId = [...members().keys()][0];
	const run = await nex.runNex({ resource: 'listEntry', operation: 'remove', listId: nex.rl('id', vipId), recordId: nex.rl('id', memberId) });
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('DELETE');
	expect(apiPath(request)).toBe(`/v1/lists/${vipId}/records/${memberId}`);
	expect(run.items).toEqual([{ removed: true, list_id: vipId, record_id: memberId }]);
	expect(members().has(memberId)).toBe(false);
	expect(nex.sandbox.store.records.has(memberId)).toBe(true);
});

test('an empty list id is refused before anything is sent', async () => {
	expectInputError(
		await nex.runNex({ resource: 'listEntry', operation: 'remove', listId: nex.rl('id', '={{ "" }}'), recordId: nex.rl('id', '1') }),
		/List is empty/,
	);
});
