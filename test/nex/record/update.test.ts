import type { IDataObject } from 'n8n-workflow';

import { apiPath, expectInputError, onlyRequest, startNexTest, type NexTest } from '../helpers';

/** Record → Update: `PATCH /v1/records/{record_id}` with `{attributes}`. */

let nex: NexTest;
let bobId: string;
beforeAll(async () => {
	nex = await startNexTest();
	bobId = [...nex.sandbox.store.records.values()].find((record) => record.attributes.job_title === 'Founder')!.id.toString();
});
afterAll(async () => await nex.close());

const update = (extra: IDataObject) => ({ resource: 'record', operation: 'update', recordId: nex.rl('id', bobId), ...extra });

test('sends only the changed attributes and returns the updated record', async () => {
	const run = await nex.runNex(update({ attributes: { attribute: [{ key: 'job_title', value: 'Chairman' }] } }));
	expect(run.error).toBeUndefined();
	const request = onlyRequest(run);
	expect(request.method).toBe('PATCH');
	expect(apiPath(request)).toBe(`/v1/records/${bobId}`);
	expect(request.body).toEqual({ attributes: { job_title: 'Chairman' } });
	expect(run.items[0]).toEqual(expect.objectContaining({ id: bobId, job_title: 'Chairman', email_addresses: ['bob@acme.com'] }));
	expect(nex.sandbox.store.records.get(bobId)?.attributes.job_title).toBe('Chairman');
});

test('JSON attributes with Simplify off', async () => {
	const run = await nex.runNex(update({ attributesInput: 'json', attributesJson: '{"description": "Founded Acme"}', simplify: false }));
	expect(onlyRequest(run).body).toEqual({ attributes: { description: 'Founded Acme' } });
	expect((run.items[0].attributes as IDataObject).description).toBe('Founded Acme');
});

test('no attributes is refused before anything is sent', async () => {
	expectInputError(await nex.runNex(update({})), /Attributes is empty/);
});

test('bad JSON is refused before anything is sent', async () => {
	expectInputError(await nex.runNex(update({ attributesInput: 'json', attributesJson: 'job_title=CEO' })), /Attributes \(JSON\) is not valid JSON/);
});

test('a non-numeric id is refused before anything is sent', async () => {
	expectInputError(
		await nex.runNex(update({ recordId: nex.rl('id', '={{ "bob" }}'), attributesInput: 'json', attributesJson: '{"job_title": "x"}' })),
		/Record "bob" is not a valid id/,
	);
});

test('a read-only key gets a 403 naming record.write', async () => {
	const run = await nex.runNex(update({ attributesInput: 'json', attributesJson: '{"job_title": "x"}' }), { key: 'readOnly' });
	expect(run.error?.description).toMatch(/"record\.write" scope/);
	expect(onlyRequest(run).status).toBe(403);
});
