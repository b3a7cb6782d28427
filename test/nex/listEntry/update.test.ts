import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** List Entry → Update: `PATCH /v1/lists/{id}/records/{record_id}` with `{attributes}`. */

let nex: NexTest;
let vipId: string;
let memberId: string;
beforeAll(async () => {
	nex = await startNexTest();
	vipId = [...nex.sandbox.store.lists.values()].find((list) => list.slug === 'vip-contacts')!.id.toString();
	memberId = [...nex.sandbox.store.entriesByList.get(vipId)!.keys()][0];
});
afterAll(async () => await nex.close());

test('changes the list values of a record in the list', async () => {
	const run = await nex.runNex({
		resource: 'listEntry',
		operation: 'update',
		listId: nex.rl('id', vipId),
		recordId: nex.rl('id', memberId),
		attributes: { attribute: [{ key: 'status', value: 'won' }] },
	});
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('PATCH');
	expect(apiPath(request)).toBe(`/v1/lists/${vipId}/records/${memberId}`);
	expect(request.body).toEqual({ attributes: { status: 'won' } });
	expect(run.items[0]).toEqual(expect.objectContaining({ parent_id: memberId, status: 'won' }));
	expect(nex.sandbox.store.entriesByList.get(vipId)!.get(memberId)!.attributes.status).toBe('won');
});

test('no attributes is refused before anything is sent', async () => {
	expectInputError(
		await nex.runNex({ resource: 'listEntry', operation: 'update', listId: nex.rl('id', vipId), recordId: nex.rl('id', memberId) }),
		/Attributes is empty/,
	);
});

test('a record id with "/" is refused before anything is sent', async () => {
	expectInputError(
		await nex.runNex({
			resource: 'listEntry',
			operation: 'update',
			listId: nex.rl('id', vipId),
			recordId: nex.rl('id', '={{ "1/2" }}'),
			attributes: { attribute: [{ key: 'status', value: 'won' }] },
		}),
		/Record "1\/2" is not a valid id/,
	);
});

test('a record not in the list is a 404 naming what was not found', async () => {
	const outsider = [...nex.sandbox.store.records.keys()].find((id) => !nex.sandbox.store.entriesByList.get(vipId)!.has(id))!;
	const run = await nex.runNex({
		resource: 'listEntry',
		operation: 'update',
		listId: nex.rl('id', vipId),
		recordId: nex.rl('id', outsider),
		attributes: { attribute: [{ key: 'status', value: 'won' }] },
	});
	expect(run.error?.description).toMatch(/list or list entry was not found/);
});
