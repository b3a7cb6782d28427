import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** List → Get: `GET /v1/lists/{id}`. */

let nex: NexTest;
let vipId: string;
beforeAll(async () => {
	nex = await startNexTest();
	vipId = [...nex.sandbox.store.lists.values()].find((list) => list.slug === 'vip-contacts')!.id.toString();
});
afterAll(async () => await nex.close());

test('gets a list by id', async () => {
	const run = await nex.runNex({ resource: 'list', operation: 'get', listId: nex.rl('list', vipId) });
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('GET');
	expect(apiPath(request)).toBe(`/v1/lists/${vipId}`);
	expect(run.items).toEqual([expect.objectContaining({ id: vipId, slug: 'vip-contacts', name: 'VIP Contacts' })]);
});

test('an unknown list is a 404 that says the list was not found', async () => {
	const run = await nex.runNex({ resource: 'list', operation: 'get', listId: nex.rl('id', '32710180831586999') });
	expect(run.error?.description).toMatch(/list was not found/);
});

test('a list id that is not a number is refused before anything is sent', async () => {
	expectInputError(await nex.runNex({ resource: 'list', operation: 'get', listId: nex.rl('id', '={{ "vip-contacts" }}') }), /List "vip-contacts" is not a valid id/);
});

test('a list id beyond a signed 64-bit integer (20 digits) is refused before anything is sent', async () => {
	expectInputError(
		await nex.runNex({ resource: 'list', operation: 'get', listId: nex.rl('id', '12345678901234567890') }),
		/List "12345678901234567890" is not a valid id/,
	);
});
