import type { IDataObject } from 'n8n-workflow';

import { apiPath, askedPages, expectInputError, offsetPlan, rawIds, startNexTest, type NexTest } from '../helpers';

/** List Entry → Get Many: `POST /v1/lists/{id}/records`, paged with `{limit, offset}` in the body. */

let nex: NexTest;
let vipId: string;
let memberIds: string[];

beforeAll(async () => {
	nex = await startNexTest();
	vipId = [...nex.sandbox.store.lists.values()].find((list) => list.slug === 'vip-contacts')!.id.toString();
	nex.sandbox.seed({ records: { object: 'person', count: 2550, list: 'vip-contacts' } });
	memberIds = [...nex.sandbox.store.entriesByList.get(vipId)!.values()].map((entry) => entry.recordId.toString());
});
afterAll(async () => await nex.close());
afterEach(() => nex.sandbox.faults.clear());

const entries = (extra: IDataObject = {}) => ({ resource: 'listEntry', operation: 'getAll', listId: nex.rl('id', vipId), ...extra });
const ids = (items: IDataObject[]) => items.map((item) => item.id as string);

test('Return All returns each of the 2,500+ records of the list exactly once', async () => {
	expect(memberIds.length).toBeGreaterThan(2500);
	const run = await nex.runNex(entries({ returnAll: true }));
	expect(run.error).toBeUndefined();
	expect(ids(run.items)).toEqual(memberIds);
	expect(new Set(ids(run.items)).size).toBe(memberIds.length);
	expect(askedPages(run.requests)).toEqual(offsetPlan(memberIds.length, 100));
	run.requests.forEach((request) => {
		expect(request.method).toBe('POST');
		expect(apiPath(request)).toBe(`/v1/lists/${vipId}/records`);
		expect(request.body).toEqual({ attributes: 'all', limit: 100, offset: expect.any(Number) });
	});
});

test('a Limit returns exactly that many', async () => {
	const run = await nex.runNex(entries({ limit: 120 }));
	expect(ids(run.items)).toEqual(memberIds.slice(0, 120));
	expect(askedPages(run.requests)).toEqual([
		[100, 0],
		[21, 99],
	]);
});

test('list-specific values come with the record; ids are the digits Nex sent', async () => {
	const raw = await nex.rawFetch('POST', `/v1/lists/${vipId}/records`, { limit: 3, offset: 0 });
	const run = await nex.runNex(entries({ limit: 3, simplify: false }));
	expect(ids(run.items)).toEqual(rawIds(raw.text));
	expect((run.items[0].attributes as IDataObject)).toEqual(expect.objectContaining({ status: 'qualified', score: 70, source: 'website' }));
	const simple = await nex.runNex(entries({ limit: 1 }));
	expect(simple.items[0]).toEqual(expect.objectContaining({ id: memberIds[0], status: 'qualified', score: 70 }));
});

test('sort and a custom attribute selection (comma-separated slugs) are sent', async () => {
	const run = await nex.runNex(
		entries({
			limit: 2,
			simplify: false,
			options: { attributeSet: 'custom', attributeSlugs: 'name, job_title', sort: { value: { attribute: 'name', direction: 'desc' } } },
		}),
	);
	expect(run.error).toBeUndefined();
	expect(run.requests[0].body).toEqual({
		attributes: { mode: 'custom', slugs: ['name', 'job_title'] },
		sort: { attribute: 'name', direction: 'desc' },
		limit: 2,
		offset: 0,
	});
	expect(run.items).toHaveLength(2);
});

test('a 429 and a truncated page during Return All are retried: every record once', async () => {
	nex.sandbox.faults.add({ kind: 'status', status: 429, retryAfter: 1, pathIncludes: '/records', skip: 4 });
	nex.sandbox.faults.add({ kind: 'truncate', pathIncludes: '/records', skip: 12 });
	const run = await nex.runNex(entries({ returnAll: true }));
	expect(run.error).toBeUndefined();
	expect(ids(run.items)).toEqual(memberIds);
	expect(run.requests).toHaveLength(Math.ceil(memberIds.length / 100) + 2);
});

test('a reset with retries off fails clearly with no partial output', async () => {
	nex.sandbox.faults.add({ kind: 'reset', pathIncludes: '/records', skip: 2 });
	const run = await nex.runNex(entries({ returnAll: true, requestOptions: { maxRetries: 0 } }));
	expect(run.error?.message).toMatch(/Could not reach Nex/);
	expect(run.items).toHaveLength(0);
});

test('a key without list.member.read gets a 403 naming the scope', async () => {
	const run = await nex.runNex(entries({ limit: 1 }), { key: 'noScopes' });
	expect(run.error?.description).toMatch(/"list\.member\.read" scope/);
});

test('a Limit above 0 is required before anything is sent', async () => {
	expectInputError(await nex.runNex(entries({ limit: '={{ 0 }}' })), /Limit must be a whole number/);
});

test('a list id with "/" is refused before anything is sent', async () => {
	expectInputError(await nex.runNex(entries({ listId: nex.rl('id', `={{ "${vipId}/records" }}`) })), /List ".*" is not a valid id/);
});
