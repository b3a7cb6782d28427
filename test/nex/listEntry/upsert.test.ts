import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** List Entry → Create or Update: `PUT /v1/lists/{id}` with `{parent_id, attributes?}`. */

let nex: NexTest;
let vipId: string;
let marcusId: string;
beforeAll(async () => {
	nex = await startNexTest();
	vipId = [...nex.sandbox.store.lists.values()].find((list) => list.slug === 'vip-contacts')!.id.toString();
	marcusId = [...nex.sandbox.store.records.values()]
		.find((record) => (record.attributes.email_addresses as string[] | undefined)?.includes('marcus@techflow.io'))!
		.id.toString();
});
afterAll(async () => await nex.close());

test('updates the list values of a record already in the list (no duplicate entry)', async () => {
	const before = nex.sandbox.store.entriesByList.get(vipId)!.size;
	const run = await nex.runNex({
		resource: 'listEntry',
		operation: 'upsert',
		listId: nex.rl('id', vipId),
		recordId: nex.rl('id', marcusId),
		attributesInput: 'json',
		attributesJson: '{"status": "customer", "score": 99}',
		simplify: false,
	});
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('PUT');
	expect(apiPath(request)).toBe(`/v1/lists/${vipId}`);
	expect(request.body).toEqual({ parent_id: marcusId, attributes: { status: 'customer', score: 99 } });
	expect(run.items[0]).toEqual(expect.objectContaining({ parent_id: marcusId, attributes: expect.objectContaining({ status: 'customer', score: 99 }) }));
	expect(nex.sandbox.store.entriesByList.get(vipId)!.size).toBe(before);
});

test('JSON that is not an object is refused before anything is sent', async () => {
	expectInputError(
		await nex.runNex({
			resource: 'listEntry',
			operation: 'upsert',
			listId: nex.rl('id', vipId),
			recordId: nex.rl('id', marcusId),
			attributesInput: 'json',
			attributesJson: '"customer"',
		}),
		/Attributes \(JSON\) must be a JSON object/,
	);
});

test('a read-only key gets a 403 naming list.member.write', async () => {
	const run = await nex.runNex(
		{ resource: 'listEntry', operation: 'upsert', listId: nex.rl('id', vipId), recordId: nex.rl('id', marcusId) },
		{ key: 'readOnly' },
	);
	expect(run.error?.description).toMatch(/"list\.member\.write" scope/);
});
