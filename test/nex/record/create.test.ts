import type { IDataObject } from 'n8n-workflow';

import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** Record → Create: `POST /v1/objects/{slug}` with `{attributes}` from key/value rows or JSON. */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

const create = (extra: IDataObject) => ({
	resource: 'record',
	operation: 'create',
	objectType: nex.rl('id', 'person'),
	...extra,
});

test('key/value rows become the attributes object; expressions keep their types', async () => {
	const run = await nex.runNex(
		create({
			attributes: {
				attribute: [
					{ key: 'name', value: 'Ada Lovelace' },
					{ key: 'email_addresses', value: '={{ ["ada@example.com", "ada@analytical.org"] }}' },
					{ key: 'job_title', value: 'Mathematician' },
				],
			},
		}),
	);
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('POST');
	expect(apiPath(request)).toBe('/v1/objects/person');
	expect(request.body).toEqual({
		attributes: {
			name: 'Ada Lovelace',
			email_addresses: ['ada@example.com', 'ada@analytical.org'],
			job_title: 'Mathematician',
		},
	});
	expect(run.items).toHaveLength(1);
	const [record] = run.items;
	expect(record).toEqual(
		expect.objectContaining({
			type: 'person',
			name: 'Ada Lovelace',
			email_addresses: ['ada@example.com', 'ada@analytical.org'],
			job_title: 'Mathematician',
		}),
	);
	const stored = nex.sandbox.store.records.get(record.id as string);
	expect(stored?.id.toString()).toBe(record.id);
	expect(BigInt(record.id as string) > 2n ** 53n).toBe(true);
});

test('JSON attributes are sent as given; Simplify off returns the record as Nex sent it', async () => {
	const run = await nex.runNex(
		create({
			attributesInput: 'json',
			attributesJson: '{"name": {"first_name": "Grace", "last_name": "Hopper"}, "job_title": "Rear Admiral"}',
			simplify: false,
		}),
	);
	expect(run.error).toBeUndefined();
	expect(onlyRequest(run).body).toEqual({
		attributes: { name: { first_name: 'Grace', last_name: 'Hopper' }, job_title: 'Rear Admiral' },
	});
	const [record] = run.items;
	expect(record.attributes).toEqual({ name: { first_name: 'Grace', last_name: 'Hopper' }, job_title: 'Rear Admiral' });
	expect(record).toEqual(expect.objectContaining({ type: 'person', object_id: expect.any(String), workspace_id: expect.any(String) }));
});

test('each input item creates its own record from expressions', async () => {
	const run = await nex.runNex(
		{
			resource: 'record',
			operation: 'create',
			objectType: nex.rl('id', 'company'),
			attributes: { attribute: [{ key: 'name', value: '={{ $json.name }} Holdings' }] },
		},
		{ source: { resource: 'record', operation: 'getAll', objectType: nex.rl('id', 'deal'), returnAll: true } },
	);
	expect(run.error).toBeUndefined();
	const creates = run.requests.filter((request) => apiPath(request) === '/v1/objects/company');
	expect(creates.map((request) => (request.body as IDataObject).attributes)).toEqual([
		{ name: 'TechFlow expansion Holdings' },
		{ name: 'Globex renewal Holdings' },
		{ name: 'Umbrella pilot Holdings' },
	]);
	expect(run.items.map((item) => item.name)).toEqual(['TechFlow expansion Holdings', 'Globex renewal Holdings', 'Umbrella pilot Holdings']);
});

test("Nex's 400 keeps its message (a unique email already taken)", async () => {
	const run = await nex.runNex(
		create({ attributesInput: 'json', attributesJson: '{"name": "Alice Again", "email_addresses": ["alice@techflow.io"]}' }),
	);
	expect(run.error?.message).toMatch(/alice@techflow\.io/);
	expect(run.error?.message).not.toMatch(/Nex API error/);
	expect(run.error?.description).toMatch(/^Nex API error 400: .*alice@techflow\.io/);
	expect(run.error?.description).toMatch(/rejected the request/);
	expect(onlyRequest(run).status).toBe(400);
});

test('a read-only key gets a 403 that names record.write', async () => {
	const run = await nex.runNex(create({ attributesInput: 'json', attributesJson: '{"name": "No Scope"}' }), { key: 'readOnly' });
	expect(run.error?.description).toMatch(/^Nex API error 403: /);
	expect(run.error?.description).toMatch(/"record\.write" scope/);
	expect(onlyRequest(run).status).toBe(403);
	expect(run.items).toHaveLength(0);
});

describe('invalid attributes are refused before anything is sent', () => {
	test('JSON that does not parse', async () => {
		expectInputError(await nex.runNex(create({ attributesInput: 'json', attributesJson: '{"name": "Ada",' })), /Attributes \(JSON\) is not valid JSON/);
	});

	test('JSON that is not an object', async () => {
		expectInputError(await nex.runNex(create({ attributesInput: 'json', attributesJson: '["Ada"]' })), /Attributes \(JSON\) must be a JSON object/);
	});

	test('an empty JSON object', async () => {
		expectInputError(await nex.runNex(create({ attributesInput: 'json', attributesJson: '{}' })), /Attributes \(JSON\) is empty/);
	});

	test('no rows', async () => {
		expectInputError(await nex.runNex(create({})), /Attributes is empty/);
	});

	test('a row without an attribute name', async () => {
		expectInputError(
			await nex.runNex(create({ attributes: { attribute: [{ key: 'name', value: 'Ada' }, { key: '={{ "" }}', value: 'x' }] } })),
			/attribute name in row 2 is empty/,
		);
	});

	test('the same attribute twice', async () => {
		expectInputError(
			await nex.runNex(create({ attributes: { attribute: [{ key: 'name', value: 'Ada' }, { key: 'name', value: 'Grace' }] } })),
			/"name" is given more than once/,
		);
	});

	test('an object type containing "/"', async () => {
		expectInputError(
			await nex.runNex(create({ objectType: nex.rl('id', '={{ "person/x" }}'), attributesInput: 'json', attributesJson: '{"name": "A"}' })),
			/Object Type "person\/x" is not a valid id/,
		);
	});
});
