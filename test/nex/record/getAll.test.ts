import type { IDataObject } from 'n8n-workflow';

import { apiPath, askedPages, expectInputError, expectOnePageAskedAgain, offsetPlan, rawIds, startNexTest, type NexTest } from '../helpers';

/**
 * Record → Get Many: `POST /v1/objects/{slug}/records` with `{limit, offset}` in the body,
 * read page by page until `total` (after the first, several pages at once, each starting at the
 * last row of the page before); Return All, Limit, sort, attribute selection, Simplify,
 * exact ids, and what faults do to a Return All.
 */

let nex: NexTest;
let personIds: string[];

beforeAll(async () => {
	nex = await startNexTest();
	nex.sandbox.seed({ records: { object: 'person', count: 2600 } });
	personIds = [...nex.sandbox.store.recordsByObject.get(nex.sandbox.store.objectBySlug('person')!.id.toString())!];
});
afterAll(async () => await nex.close());
afterEach(() => nex.sandbox.faults.clear());

const people = (extra: IDataObject = {}) => ({
	resource: 'record',
	operation: 'getAll',
	objectType: nex.rl('id', 'person'),
	...extra,
});

function ids(items: IDataObject[]): string[] {
	return items.map((item) => item.id as string);
}

function expectEveryPersonOnce(items: IDataObject[]): void {
	const seen = ids(items);
	expect(seen).toHaveLength(personIds.length);
	expect(new Set(seen).size).toBe(personIds.length);
	expect(seen).toEqual(personIds);
}

test('Return All reads every page until total and returns each of 2,600+ records exactly once', async () => {
	expect(personIds.length).toBeGreaterThan(2500);
	const run = await nex.runNex(people({ returnAll: true }));
	expect(run.error).toBeUndefined();
	expectEveryPersonOnce(run.items);
	const pages = run.requests;
	expect(askedPages(pages)).toEqual(offsetPlan(personIds.length, 100));
	pages.forEach((request) => {
		expect(request.method).toBe('POST');
		expect(apiPath(request)).toBe('/v1/objects/person/records');
		expect(request.body).toEqual({ attributes: 'all', limit: 100, offset: expect.any(Number) });
	});
});

test('a Limit returns exactly that many records, asking only for what is missing', async () => {
	const run = await nex.runNex(people({ returnAll: false, limit: 250 }));
	expect(run.error).toBeUndefined();
	expect(ids(run.items)).toEqual(personIds.slice(0, 250));
	expect(askedPages(run.requests)).toEqual([
		[100, 0],
		[100, 99],
		[52, 198],
	]);
});

test('a Limit above the number of records returns them all once', async () => {
	const run = await nex.runNex({ resource: 'record', operation: 'getAll', objectType: nex.rl('id', 'deal'), limit: 40 });
	expect(run.error).toBeUndefined();
	expect(run.items).toHaveLength(3);
	expect(run.requests).toHaveLength(1);
	expect(run.requests[0].body).toEqual({ attributes: 'all', limit: 40, offset: 0 });
});

test('record ids and integer attribute values above 2^53 come out byte for byte as Nex sent them', async () => {
	const store = nex.sandbox.store;
	const company = store.objectBySlug('company')!;
	const firstCompanyId = [...store.recordsByObject.get(company.id.toString())!][0];
	store.records.get(firstCompanyId)!.attributes.employee_count = 9007199254740993n;
	const raw = await nex.rawFetch('POST', '/v1/objects/company/records', { limit: 100, offset: 0 });
	expect(raw.text).toContain('"employee_count":9007199254740993');

	const run = await nex.runNex({
		resource: 'record',
		operation: 'getAll',
		objectType: nex.rl('id', 'company'),
		returnAll: true,
		simplify: false,
	});
	expect(run.error).toBeUndefined();
	expect(ids(run.items)).toEqual(rawIds(raw.text));
	expect(run.items).toHaveLength(6);
	expect((run.items[0].attributes as IDataObject).employee_count).toBe('9007199254740993');
	for (const item of run.items) expect(BigInt(item.id as string) > 2n ** 53n).toBe(true);
});

test('Simplify flattens attributes; off returns records as Nex sent them', async () => {
	const simple = await nex.runNex(people({ limit: 1 }));
	expect(simple.items[0]).toEqual(
		expect.objectContaining({ id: personIds[0], type: 'person', name: { first_name: 'Alice', last_name: 'Johnson' } }),
	);
	expect(simple.items[0]).not.toHaveProperty('attributes');
	expect(simple.items[0]).not.toHaveProperty('workspace_id');

	const raw = await nex.runNex(people({ limit: 1, simplify: false }));
	expect(raw.items[0]).toEqual(
		expect.objectContaining({ id: personIds[0], object_id: expect.any(String), workspace_id: expect.any(String) }),
	);
	expect((raw.items[0].attributes as IDataObject).email_addresses).toEqual(['alice@techflow.io']);
});

test('sort and a custom attribute selection are sent in the body', async () => {
	const run = await nex.runNex(
		people({
			limit: 5,
			simplify: false,
			options: {
				attributeSet: 'custom',
				attributeSlugs: ['name', 'job_title'],
				sort: { value: { attribute: 'updated_at', direction: 'desc' } },
			},
		}),
	);
	expect(run.error).toBeUndefined();
	expect(run.requests[0].body).toEqual({
		attributes: { mode: 'custom', slugs: ['name', 'job_title'] },
		sort: { attribute: 'updated_at', direction: 'desc' },
		limit: 5,
		offset: 0,
	});
	expect(run.items).toHaveLength(5);
	for (const item of run.items) expect(Object.keys(item.attributes as IDataObject).sort()).toEqual(expect.arrayContaining(['name']));
	for (const item of run.items) {
		for (const key of Object.keys(item.attributes as IDataObject)) expect(['name', 'job_title']).toContain(key);
	}
});

test('"Primary" attributes only returns the name', async () => {
	const run = await nex.runNex(people({ limit: 2, simplify: false, options: { attributeSet: 'primary' } }));
	expect(run.requests[0].body).toEqual({ attributes: 'primary', limit: 2, offset: 0 });
	for (const item of run.items) expect(Object.keys(item.attributes as IDataObject)).toEqual(['name']);
});

describe('faults during Return All', () => {
	test.each([
		['429 with Retry-After: 0', { kind: 'status' as const, status: 429, retryAfter: 0 }],
		['429 without Retry-After', { kind: 'status' as const, status: 429 }],
		['503 with Retry-After: 1', { kind: 'status' as const, status: 503, retryAfter: 1 }],
		['a connection reset mid-body', { kind: 'reset' as const }],
		['truncated JSON', { kind: 'truncate' as const }],
	])('%s on a middle page: the page is asked again and every record comes once', async (_name, fault) => {
		nex.sandbox.faults.add({ ...fault, pathIncludes: '/records', skip: 7 });
		const run = await nex.runNex(people({ returnAll: true }));
		expect(run.error).toBeUndefined();
		expectEveryPersonOnce(run.items);
		// The faulted page (the 8th request) was requested twice; every other once.
		expectOnePageAskedAgain(run.requests, offsetPlan(personIds.length, 100));
	});

	test.each([
		['503', { kind: 'status' as const, status: 503 }, /^Nex had a server error/],
		['a connection reset mid-body', { kind: 'reset' as const }, /Could not reach Nex/],
		['truncated JSON', { kind: 'truncate' as const }, /incomplete answer/],
	])('%s with retries off fails with a clear error and no partial output', async (_name, fault, message) => {
		nex.sandbox.faults.add({ ...fault, pathIncludes: '/records', skip: 3 });
		const run = await nex.runNex(people({ returnAll: true, requestOptions: { maxRetries: 0 } }));
		expect(run.error?.message).toMatch(message);
		expect(run.items).toHaveLength(0);
		// The 4th request failed; pages already in flight beside it were answered, nothing after.
		expect(run.requests.length).toBeGreaterThanOrEqual(4);
		expect(run.requests.filter((request) => request.fault !== undefined)).toHaveLength(1);
	});

	test('429 until retries run out fails naming the attempts, with no partial output', async () => {
		nex.sandbox.faults.add({ kind: 'status', status: 429, retryAfter: 0, pathIncludes: '/records', skip: 2, count: 100 });
		const run = await nex.runNex(people({ returnAll: true, requestOptions: { maxRetries: 2 } }));
		expect(run.error?.message).toBe('Nex is rate limiting this key');
		expect(run.error?.description).toMatch(/^Nex API error 429: /);
		expect(run.error?.description).toMatch(/rate limiting this key after 3 attempts/);
		expect(run.items).toHaveLength(0);
		// Three attempts of the page that failed, besides the pages in flight with it.
		expect(run.requests.filter((request) => request.status === 429).length).toBeGreaterThanOrEqual(3);
	});
});

describe('errors', () => {
	test('an unknown object type is a 404 that says what was not found', async () => {
		const run = await nex.runNex({ resource: 'record', operation: 'getAll', objectType: nex.rl('id', 'starship') });
		expect(run.error?.message).toBe('No object type with id starship');
		expect(run.error?.description).toMatch(/^Nex API error 404: /);
		expect(run.error?.description).toMatch(/object type was not found/);
		expect(apiPath(run.requests[0])).toBe('/v1/objects/starship/records');
	});

	test('a key without record.read gets a 403 naming the scope', async () => {
		const run = await nex.runNex(people({ limit: 1 }), { key: 'noScopes' });
		expect(run.error?.message).toBe('The Nex API key lacks the "record.read" scope');
		expect(run.error?.description).toMatch(/^Nex API error 403: /);
		expect(run.error?.description).toMatch(/"record\.read" scope/);
		expect(run.items).toHaveLength(0);
	});

	test.each([0, -5, 2.5])('Limit %p is refused before anything is sent', async (limit) => {
		expectInputError(await nex.runNex(people({ limit })), /Limit must be a whole number/);
	});

	test('an object type containing "/" is refused before anything is sent', async () => {
		expectInputError(
			await nex.runNex(people({ objectType: nex.rl('id', '={{ "person/../tasks" }}') })),
			/Object Type "person\/\.\.\/tasks" is not a valid id/,
		);
	});

	test('an empty object type (from an expression) is refused before anything is sent', async () => {
		expectInputError(await nex.runNex(people({ objectType: nex.rl('id', '={{ "" }}') })), /Object Type is empty/);
	});

	test('"Custom" attributes without any attribute is refused before anything is sent', async () => {
		expectInputError(await nex.runNex(people({ options: { attributeSet: 'custom' } })), /Attributes to Return is Custom/);
	});
});
