import type { INodeParameters } from 'n8n-workflow';

import { apiPath, expectInputError, onlyRequest, rawIds, startNexTest, type NexTest } from '../helpers';

/** Record → Get: `GET /v1/records/{record_id}`. */

let nex: NexTest;
let sarahId: string;
beforeAll(async () => {
	nex = await startNexTest();
	sarahId = [...nex.sandbox.store.records.values()]
		.find((record) => (record.attributes.job_title as string | undefined) === 'VP Engineering')!
		.id.toString();
});
afterAll(async () => await nex.close());

const get = (recordId: INodeParameters, extra: INodeParameters = {}) => ({ resource: 'record', operation: 'get', recordId, ...extra });

test('gets the record by id; the id is exactly the digits Nex sent', async () => {
	const raw = await nex.rawFetch('GET', `/v1/records/${sarahId}`);
	const run = await nex.runNex(get(nex.rl('id', sarahId), { simplify: false }));
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('GET');
	expect(apiPath(request)).toBe(`/v1/records/${sarahId}`);
	expect(run.items).toHaveLength(1);
	expect(run.items[0].id).toBe(rawIds(raw.text)[0]);
	expect(run.items[0].id).toBe(sarahId);
	expect(run.items[0].attributes).toEqual(expect.objectContaining({ email_addresses: ['sarah@acme.com'], job_title: 'VP Engineering' }));
});

test('Simplify puts the attributes at the top level', async () => {
	const run = await nex.runNex(get(nex.rl('id', sarahId)));
	expect(run.items[0]).toEqual(
		expect.objectContaining({ id: sarahId, type: 'person', name: { first_name: 'Sarah', last_name: 'Chen' }, job_title: 'VP Engineering' }),
	);
	expect(run.items[0]).not.toHaveProperty('attributes');
});

test('an id from an expression (a number) and surrounding spaces work', async () => {
	const run = await nex.runNex(get(nex.rl('id', `={{ " ${sarahId} " }}`)));
	expect(run.error).toBeUndefined();
	expect(apiPath(onlyRequest(run))).toBe(`/v1/records/${sarahId}`);
});

test('an unknown record is a 404 that says the record was not found', async () => {
	const run = await nex.runNex(get(nex.rl('id', '32710180831586999')));
	expect(run.error?.message).toBe('No record with id 32710180831586999');
	expect(run.error?.description).toMatch(/^Nex API error 404: /);
	expect(run.error?.description).toMatch(/record was not found/);
	expect(onlyRequest(run).status).toBe(404);
});

test('a key without record.read gets a 403 naming the scope', async () => {
	const run = await nex.runNex(get(nex.rl('id', sarahId)), { key: 'noScopes' });
	expect(run.error?.description).toMatch(/"record\.read" scope/);
});

describe('bad ids are refused before anything is sent', () => {
	test('empty', async () => {
		expectInputError(await nex.runNex(get(nex.rl('id', '={{ "" }}'))), /Record is empty/);
	});
	test('containing "/"', async () => {
		expectInputError(await nex.runNex(get(nex.rl('id', `={{ "${sarahId}/relationships" }}`))), /Record ".*\/relationships" is not a valid id/);
	});
	test('not a number', async () => {
		expectInputError(await nex.runNex(get(nex.rl('id', '={{ "sarah" }}'))), /Record "sarah" is not a valid id/);
	});
	test('a literal "/" id is stopped by the field validation', async () => {
		const run = await nex.runNex(get(nex.rl('id', '12/3')));
		expect(run.error?.message).toMatch(/issues/);
		expect(run.requests).toHaveLength(0);
	});
});
