import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** List Entry → Add: `POST /v1/lists/{id}` with `{parent_id, attributes?}`. */

let nex: NexTest;
let vipId: string;
let personId: (email: string) => string;
beforeAll(async () => {
	nex = await startNexTest();
	vipId = [...nex.sandbox.store.lists.values()].find((list) => list.slug === 'vip-contacts')!.id.toString();
	personId = (email) =>
		[...nex.sandbox.store.records.values()]
			.find((record) => (record.attributes.email_addresses as string[] | undefined)?.includes(email))!
			.id.toString();
});
afterAll(async () => await nex.close());

test('adds a record with list-specific values', async () => {
	const id = personId('sarah@acme.com');
	const run = await nex.runNex({
		resource: 'listEntry',
		operation: 'add',
		listId: nex.rl('id', vipId),
		recordId: nex.rl('id', id),
		attributes: { attribute: [{ key: 'status', value: 'new' }, { key: 'score', value: '={{ 91 }}' }] },
	});
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('POST');
	expect(apiPath(request)).toBe(`/v1/lists/${vipId}`);
	expect(request.body).toEqual({ parent_id: id, attributes: { status: 'new', score: 91 } });
	expect(run.items[0]).toEqual(expect.objectContaining({ parent_id: id, status: 'new', score: 91, id: expect.any(String) }));
	expect(nex.sandbox.store.entriesByList.get(vipId)!.has(id)).toBe(true);
});

test('without attributes only parent_id is sent', async () => {
	const id = personId('bob@acme.com');
	const run = await nex.runNex({ resource: 'listEntry', operation: 'add', listId: nex.rl('id', vipId), recordId: nex.rl('id', id) });
	expect(onlyRequest(run).body).toEqual({ parent_id: id });
	expect(run.items[0]).toEqual(expect.objectContaining({ parent_id: id }));
});

test("adding a record already in the list keeps Nex's 400 message", async () => {
	const id = personId('bob@acme.com');
	const run = await nex.runNex({ resource: 'listEntry', operation: 'add', listId: nex.rl('id', vipId), recordId: nex.rl('id', id) });
	expect(run.error?.message).toMatch(/already in list/);
	expect(run.error?.message).not.toMatch(/Nex API error/);
	expect(run.error?.description).toMatch(/^Nex API error 400: .*already in list/);
});

test('a read-only key gets a 403 naming list.member.write', async () => {
	const run = await nex.runNex(
		{ resource: 'listEntry', operation: 'add', listId: nex.rl('id', vipId), recordId: nex.rl('id', personId('olivia.brown@acme.com')) },
		{ key: 'readOnly' },
	);
	expect(run.error?.description).toMatch(/"list\.member\.write" scope/);
});

test('an empty record is refused before anything is sent', async () => {
	expectInputError(
		await nex.runNex({ resource: 'listEntry', operation: 'add', listId: nex.rl('id', vipId), recordId: nex.rl('id', '={{ "" }}') }),
		/Record is empty/,
	);
});

test('bad JSON attributes are refused before anything is sent', async () => {
	expectInputError(
		await nex.runNex({
			resource: 'listEntry',
			operation: 'add',
			listId: nex.rl('id', vipId),
			recordId: nex.rl('id', personId('sarah@acme.com')),
			attributesInput: 'json',
			attributesJson: '{"status": new}',
		}),
		/Attributes \(JSON\) is not valid JSON/,
	);
});
