import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** Search → Search: `POST /v1/search` with `{query}`. */

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('one item per match, with its object type', async () => {
	const run = await nex.runNex({ resource: 'search', operation: 'search', query: 'acme' });
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('POST');
	expect(apiPath(request)).toBe('/v1/search');
	expect(request.body).toEqual({ query: 'acme' });
	const acme = [...nex.sandbox.store.records.values()].find((record) => record.attributes.name === 'Acme Corp')!;
	expect(run.items).toEqual(
		expect.arrayContaining([
			expect.objectContaining({ object_type: 'company', id: acme.id.toString(), primary_value: 'Acme Corp', score: expect.any(Number) }),
			expect.objectContaining({ object_type: 'person', matched_value: 'sarah@acme.com' }),
		]),
	);
	for (const item of run.items) expect(BigInt(item.id as string) > 2n ** 53n).toBe(true);
});

test('Raw Answer returns the grouped answer as one item', async () => {
	const run = await nex.runNex({ resource: 'search', operation: 'search', query: 'globex', output: 'raw' });
	expect(run.items).toHaveLength(1);
	expect(run.items[0]).toEqual({ results: expect.objectContaining({ company: expect.any(Array), person: expect.any(Array) }), errored_search_types: [] });
});

test('no match gives no items', async () => {
	const run = await nex.runNex({ resource: 'search', operation: 'search', query: 'zzzz-nothing' });
	expect(run.error).toBeUndefined();
	expect(run.items).toEqual([]);
	expect(run.requests).toHaveLength(1);
});

test('a key without record.read gets a 403 naming the scope', async () => {
	const run = await nex.runNex({ resource: 'search', operation: 'search', query: 'acme' }, { key: 'noScopes' });
	expect(run.error?.description).toMatch(/"record\.read" scope/);
});

test('an empty query is refused before anything is sent', async () => {
	expectInputError(await nex.runNex({ resource: 'search', operation: 'search', query: '={{ "   " }}' }), /Query is empty/);
});

test('a query over 500 characters is refused before anything is sent', async () => {
	expectInputError(await nex.runNex({ resource: 'search', operation: 'search', query: 'x'.repeat(501) }), /Query is 501 characters long/);
});
