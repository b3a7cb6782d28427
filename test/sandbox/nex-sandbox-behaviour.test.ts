import { request } from 'undici';
import { describeNexSandbox, startNexSandbox, type NexSandbox } from './nex';
import { digits, NexTestClient, type ApiResponse } from './nex/testkit';

/** Behaviour of the Nex sandbox beyond response shapes: auth, ids, paging, async jobs, faults, control. */

const TWO_53 = 2n ** 53n;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const obj = (res: ApiResponse) => res.plain as Record<string, any>;

let sandbox: NexSandbox;
let api: NexTestClient;

beforeAll(async () => {
	sandbox = await startNexSandbox({ artifactProcessingMs: 60_000, jobDurationMs: 60_000 });
	api = new NexTestClient(sandbox.baseUrl, sandbox.keys.full);
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(() => sandbox.reset());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function control(method: string, path: string, body?: unknown): Promise<{ status: number; json: any; text: string }> {
	const res = await request(`${sandbox.controlUrl}${path}`, {
		method: method as 'GET',
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.body.text();
	return { status: res.statusCode, json: text ? JSON.parse(text) : undefined, text };
}

describe('authentication and scopes', () => {
	test.each([
		['no Authorization header', null, undefined],
		['an unknown key', 'sk-not-a-key', undefined],
		['a key without the Bearer scheme', undefined, 'sk-sandbox-full-0000000000000001'],
		['a Basic scheme', undefined, 'Basic c2stc2FuZGJveA=='],
	])('401 for %s', async (_label, key, rawHeader) => {
		const res = await api.call('GET', '/v1/objects', {
			key: rawHeader !== undefined ? null : (key as string | null),
			headers: rawHeader !== undefined ? { authorization: rawHeader } : {},
		});
		expect(res.status).toBe(401);
		expect(res.plain).toEqual({ code: 401, message: expect.any(String) });
	});

	test.each([
		['readOnly', 'POST', '/v1/objects/person', { attributes: { name: 'x' } }, 'record.write'],
		['readOnly', 'GET', '/v1/insights', undefined, 'insight.stream'],
		['noInsight', 'POST', '/v1/context/ask', { query: 'hi' }, 'insight.stream'],
		['noInsight', 'POST', '/v1/context/text', { content: 'hi' }, 'insight.stream'],
		['noInsight', 'GET', '/v1/context/artifacts/1', undefined, 'insight.stream'],
		['noInsight', 'POST', '/v1/context/list/jobs', { query: 'all' }, 'insight.stream'],
		['noInsight', 'GET', '/v1/context/list/jobs/1', undefined, 'insight.stream'],
		['noInsight', 'GET', '/v1/insights/stream', undefined, 'insight.stream'],
		['readOnly', 'POST', '/v1/compounding/trigger', { job_type: 'metrics' }, 'record.write'],
		['insightOnly', 'GET', '/v1/compounding/jobs/00000000-0000-4000-8000-000000000000', undefined, 'record.read'],
		['insightOnly', 'GET', '/v1/graph', undefined, 'record.read'],
		['insightOnly', 'GET', '/v1/integrations', undefined, 'integration.read'],
		['readOnly', 'POST', '/v1/integrations/email/google/connect', {}, 'integration.write'],
		['readOnly', 'DELETE', '/v1/integrations/connections/1', undefined, 'integration.write'],
		['readOnly', 'DELETE', '/v1/lists/1/records/2', undefined, 'record.write'],
		['readOnly', 'POST', '/v1/objects/person/lists', { name: 'x', slug: 'x' }, 'object.write'],
		['readOnly', 'DELETE', '/v1/lists/1', undefined, 'object.write'],
		['readOnly', 'PUT', '/v1/lists/1', { parent_id: '1' }, 'list.member.write'],
		['insightOnly', 'GET', '/v1/notifications/feed', undefined, 'notification.read'],
		['readOnly', 'PATCH', '/v1/notifications/preferences', {}, 'notification.write'],
		['readOnly', 'POST', '/v1/notifications/custom', { description: 'x' }, 'notification.write'],
		['noScopes', 'GET', '/v1/objects', undefined, 'object.read'],
		['noScopes', 'GET', '/v1/records/1/timeline', undefined, 'record.read'],
	])('403 for %s on %s %s names %s', async (keyName, method, path, body, scope) => {
		const res = await api.call(method, path, { key: sandbox.keys[keyName], body });
		expect(res.status).toBe(403);
		expect(res.plain).toEqual({ code: 403, message: expect.stringContaining(scope) });
	});

	test('read-only keys read; added keys carry exactly their scopes', async () => {
		expect((await api.call('GET', '/v1/objects', { key: sandbox.keys.readOnly })).status).toBe(200);
		sandbox.addKey('sk-test-tasks', ['task.read']);
		expect((await api.call('GET', '/v1/tasks', { key: 'sk-test-tasks' })).status).toBe(200);
		expect((await api.call('GET', '/v1/notes', { key: 'sk-test-tasks' })).status).toBe(403);
		const added = await control('POST', '/keys', { key: 'sk-test-notes', scopes: ['note.read'] });
		expect(added.status).toBe(200);
		expect((await api.call('GET', '/v1/notes', { key: 'sk-test-notes' })).status).toBe(200);
		sandbox.reset();
		expect((await api.call('GET', '/v1/notes', { key: 'sk-test-notes' })).status).toBe(401);
	});

	test('unknown routes and methods', async () => {
		expect((await api.get('/v1/unicorns')).status).toBe(404);
		const wrongMethod = await api.call('PUT', '/v1/tasks', { body: {} });
		expect(wrongMethod.status).toBe(405);
		expect(wrongMethod.plain).toEqual({ code: 405, message: expect.any(String) });
		expect((await api.call('GET', '/v1/objects', { key: null })).status).toBe(401);
	});
});

describe('big integer ids', () => {
	function rawInteger(text: string, key: string): bigint {
		const m = new RegExp(`"${key}":(\\d+)`).exec(text);
		if (!m) throw new Error(`no raw integer for ${key} in ${text.slice(0, 300)}`);
		return BigInt(m[1]);
	}

	test('ids typed integer are bare number literals above 2^53 that a double cannot hold', async () => {
		const added = await api.post('/v1/context/text', { content: 'Met Jane Doe (jane@newco.io) from NewCo Labs.' });
		const artifactId = rawInteger(added.text, 'artifact_id');
		expect(artifactId > TWO_53).toBe(true);
		expect(digits((added.exact as Record<string, unknown>).artifact_id)).toBe(artifactId.toString());
		// A plain JSON.parse rounds it: that is the trap the sandbox sets for clients.
		expect(BigInt((JSON.parse(added.text) as { artifact_id: number }).artifact_id)).not.toBe(artifactId);

		sandbox.advanceClock(60_000);
		const artifact = await api.get(`/v1/context/artifacts/${artifactId}`);
		for (const key of ['operation_id', 'context_id', 'canonical_entity_id']) expect(rawInteger(artifact.text, key) > TWO_53).toBe(true);
		const entityId = rawInteger(artifact.text, 'canonical_entity_id');
		// The exact id resolves; the rounded one does not.
		const record = await api.get(`/v1/records/${entityId}`);
		expect(record.status).toBe(200);
		expect(obj(record).id).toBe(entityId.toString());
		expect(record.text).toContain(`"id":"${entityId}"`);
		expect((await api.get(`/v1/records/${BigInt(Number(entityId))}`)).status).toBe(404);

		const trigger = await api.post('/v1/compounding/trigger', { job_type: 'metrics' });
		expect(rawInteger(trigger.text, 'workspace_id') > TWO_53).toBe(true);

		const integrations = await api.get('/v1/integrations');
		expect(/"connections":\[\{"id":(\d{17,})/.test(integrations.text)).toBe(true);

		const ask = await api.post('/v1/context/ask', { query: 'What do we know about Marcus Rodriguez?' });
		for (const key of ['id', 'insight_id', 'entity_id']) expect(rawInteger(ask.text.slice(ask.text.indexOf('"entities_considered"')), key) > TWO_53).toBe(true);
	});

	test('every generated id is odd, so it cannot survive a round trip through a double', async () => {
		const page = await api.post('/v1/objects/person/records', { limit: 50 });
		for (const r of obj(page).data as { id: string; object_id: string }[]) {
			expect(BigInt(r.id) % 2n).toBe(1n);
			expect(String(Number(r.id))).not.toBe(r.id);
		}
	});
});

describe('pagination', () => {
	test('records: {limit, offset} pages return each record once, sorted or not', async () => {
		const seeded = await control('POST', '/seed', { records: { object: 'person', count: 2500 } });
		expect(seeded.status).toBe(200);
		expect(seeded.json.records[0].ids).toHaveLength(2500);
		for (const sort of [undefined, { attribute: 'name', direction: 'desc' }]) {
			const seen: string[] = [];
			let total = -1;
			for (let offset = 0; ; offset += 500) {
				const page = await api.post('/v1/objects/person/records', { limit: 500, offset, sort, attributes: 'primary' });
				expect(page.status).toBe(200);
				expect(obj(page)).toMatchObject({ limit: 500, offset });
				total = obj(page).total;
				seen.push(...obj(page).data.map((r: { id: string }) => r.id));
				if (obj(page).data.length < 500) break;
			}
			expect(total).toBe(2512);
			expect(seen).toHaveLength(total);
			expect(new Set(seen).size).toBe(total);
		}
	});

	test('tasks: ?limit&offset pages follow has_more / next_offset and return each task once', async () => {
		await control('POST', '/seed', { tasks: 1200 });
		const seen: string[] = [];
		let offset: number | undefined = 0;
		let pages = 0;
		while (offset !== undefined) {
			const page = await api.get('/v1/tasks', { limit: 500, offset });
			expect(page.status).toBe(200);
			pages++;
			seen.push(...obj(page).data.map((t: { id: string }) => t.id));
			expect(obj(page).total).toBe(1208);
			if (obj(page).has_more) {
				expect(obj(page).next_offset).toBe(offset + 500);
				offset = obj(page).next_offset;
			} else {
				expect(obj(page).next_offset).toBeUndefined();
				offset = undefined;
			}
		}
		expect(pages).toBe(3);
		expect(new Set(seen).size).toBe(1208);
		expect(seen).toHaveLength(1208);
	});

	test('timeline: cursor pages return each event once, newest first', async () => {
		const created = await api.post('/v1/objects/person', { attributes: { name: 'Timeline Person' } });
		const recordId = obj(created).id as string;
		sandbox.seed({ timeline: { recordId, count: 300 } });
		const seen: bigint[] = [];
		let cursor: string | undefined;
		for (;;) {
			const page = await api.get(`/v1/records/${recordId}/timeline`, cursor ? { limit: 100, cursor } : { limit: 100 });
			expect(page.status).toBe(200);
			seen.push(...obj(page).data.map((e: { id: string }) => BigInt(e.id)));
			if (!obj(page).has_next_page) {
				expect(obj(page).next_cursor).toBeUndefined();
				break;
			}
			cursor = obj(page).next_cursor;
			expect(typeof cursor).toBe('string');
		}
		expect(seen).toHaveLength(301);
		expect(new Set(seen.map(String)).size).toBe(301);
		for (let i = 1; i < seen.length; i++) expect(seen[i] < seen[i - 1]).toBe(true);
		expect((await api.get(`/v1/records/${recordId}/timeline`, { cursor: 'not-a-cursor' })).status).toBe(400);
	});

	test('notes are capped at 200, newest first, without paging', async () => {
		sandbox.seed({ notes: 250 });
		const notes = await api.get('/v1/notes');
		expect(obj(notes).data).toHaveLength(200);
		expect(Object.keys(obj(notes))).toEqual(['data']);
	});

	test.each([
		['GET', '/v1/tasks', { limit: 0 }],
		['GET', '/v1/tasks', { limit: 501 }],
		['GET', '/v1/tasks', { limit: 'ten' }],
		['GET', '/v1/tasks', { offset: -1 }],
		['GET', '/v1/tasks', { is_completed: 'maybe' }],
		['GET', '/v1/records/{person}/timeline', { limit: 0 }],
		['GET', '/v1/records/{person}/timeline', { limit: 101 }],
		['GET', '/v1/insights', { limit: 101 }],
		['GET', '/v1/insights', { last: '2h', from: '2026-01-01T00:00:00Z' }],
		['GET', '/v1/insights', { from: 'yesterday' }],
		['GET', '/v1/notifications/feed', { limit: 51 }],
		['GET', '/v1/notifications/feed', { limit: 0 }],
		['GET', '/v1/graph', { limit: 0 }],
		['GET', '/v1/graph', { limit: 5001 }],
	])('400 {code, message} for %s %s %j', async (method, path, query) => {
		const person = obj(await api.post('/v1/objects/person/records', { limit: 1 })).data[0].id;
		const res = await api.call(method, path.replace('{person}', person), { query: query as Record<string, string> });
		expect(res.status).toBe(400);
		expect(res.plain).toEqual({ code: 400, message: expect.any(String) });
	});

	test.each([{ limit: 0 }, { limit: 501 }, { offset: -5 }, { limit: '10' }, { sort: { attribute: 'shoe_size' } }, { attributes: 'some' }])(
		'400 for list records body %j',
		async (body) => {
			const res = await api.post('/v1/objects/person/records', body);
			expect(res.status).toBe(400);
			expect(res.plain).toEqual({ code: 400, message: expect.any(String) });
		},
	);
});

describe('input validation like the service', () => {
	test('records: unknown attributes, wrong types, unique values, required name', async () => {
		const bad = [
			{ attributes: { name: 'A', shoe_size: 44 } },
			{ attributes: { name: 'A', email_addresses: ['not-an-email'] } },
			{ attributes: { email_addresses: ['a@b.co'] } },
			{ attributes: { name: 'A', email_addresses: ['sarah@acme.com'] } },
			{ attributes: 'A' },
		];
		for (const body of bad) {
			const res = await api.post('/v1/objects/person', body);
			expect({ body, status: res.status }).toEqual({ body, status: 400 });
		}
		const company = await api.post('/v1/objects/company', { attributes: { name: 'X', industries: ['Aerospace'] } });
		expect(company.status).toBe(400);
		const ok = await api.post('/v1/objects/company', { attributes: { name: 'X', industries: ['technology'], employee_count: 3 } });
		expect(obj(ok).attributes.industries).toEqual(['Technology']);
	});

	test('upsert matches on the attribute, else creates', async () => {
		const existing = obj(await api.post('/v1/search', { query: 'sarah chen' })).results.person[0].id;
		const first = await api.put('/v1/objects/person', { matching_attribute: 'email_addresses', attributes: { name: 'Sarah C.', email_addresses: ['SARAH@acme.com'], job_title: 'CTO' } });
		expect(obj(first).id).toBe(existing);
		expect(obj(first).attributes.job_title).toBe('CTO');
		const second = await api.put('/v1/objects/person', { matching_attribute: 'email_addresses', attributes: { name: 'New Person', email_addresses: ['new@person.dev'] } });
		expect(obj(second).id).not.toBe(existing);
		const unknown = await api.put('/v1/objects/person', { matching_attribute: 'shoe_size', attributes: { name: 'X' } });
		expect(unknown.status).toBe(400);
	});

	test('ids in bodies must be strings and must exist', async () => {
		const person = obj(await api.post('/v1/objects/person/records', { limit: 1 })).data[0].id;
		expect((await api.post('/v1/tasks', { title: 'x', entity_ids: [Number(person)] })).status).toBe(400);
		expect((await api.post('/v1/tasks', { title: 'x', entity_ids: [String(BigInt(person) + 1n)] })).status).toBe(400);
		expect((await api.post('/v1/tasks', { title: 'x', entity_ids: [person] })).status).toBe(200);
		expect((await api.post('/v1/notes', { title: 'x', entity_id: '1' })).status).toBe(400);
		expect((await api.call('POST', '/v1/tasks', { rawBody: '{"title": "x",' })).status).toBe(400);
		expect((await api.call('POST', '/v1/tasks', { rawBody: '["title"]' })).status).toBe(400);
	});

	test('creating, updating and deleting write the timeline', async () => {
		const person = obj(await api.post('/v1/objects/person', { attributes: { name: 'Ada Lovelace' } })).id;
		await api.patch(`/v1/records/${person}`, { attributes: { job_title: 'Analyst' } });
		const task = obj(await api.post('/v1/tasks', { title: 'Write notes', entity_ids: [person] })).id;
		await api.patch(`/v1/tasks/${task}`, { is_completed: true });
		const note = obj(await api.post('/v1/notes', { title: 'On engines', entity_id: person })).id;
		await api.delete(`/v1/notes/${note}`);
		const list = obj(await api.get('/v1/lists/x'.replace('x', obj(await api.get('/v1/objects/person/lists')).data[0].id))).id;
		await api.post(`/v1/lists/${list}`, { parent_id: person });
		const events = obj(await api.get(`/v1/records/${person}/timeline`)).data.map(
			(e: { resource_type: string; event_type: string }) => `${e.resource_type}:${e.event_type}`,
		);
		expect(events).toEqual(['list_item:created', 'note:archived', 'note:created', 'task:updated', 'task:created', 'entity:updated', 'entity:created']);
		const updated = obj(await api.get(`/v1/records/${person}/timeline`)).data[5];
		expect(updated.event_payload.field_changes).toEqual([{ field_name: 'job_title', old_value: null, new_value: 'Analyst' }]);
	});
});

describe('async work', () => {
	test('artifact: pending → processing → completed in real time, with extracted entities', async () => {
		const quick = await startNexSandbox({ artifactProcessingMs: 300 });
		try {
			const client = new NexTestClient(quick.baseUrl, quick.keys.full);
			const added = await client.post('/v1/context/text', { content: 'Call with Jane Doe (jane@newco.io) from NewCo Labs about pricing.', context: 'Sales call' });
			const id = digits((added.exact as Record<string, unknown>).artifact_id);
			const seen: string[] = [];
			for (let i = 0; i < 200; i++) {
				const status = obj(await client.get(`/v1/context/artifacts/${id}`)).status as string;
				if (seen[seen.length - 1] !== status) seen.push(status);
				if (status === 'completed') break;
				await sleep(20);
			}
			expect(['pending', 'processing', 'completed'].filter((s) => seen.includes(s))).toEqual(seen);
			expect(seen[seen.length - 1]).toBe('completed');
			const result = obj(await client.get(`/v1/context/artifacts/${id}`)).result;
			expect(result.entities_extracted).toEqual(
				expect.arrayContaining([
					expect.objectContaining({ type: 'PERSON', properties: expect.objectContaining({ name: 'Jane Doe', email: 'jane@newco.io' }), is_new: true }),
					expect.objectContaining({ type: 'COMPANY', properties: expect.objectContaining({ name: 'NewCo Labs', domain: 'newco.io' }) }),
				]),
			);
			expect(result).toMatchObject({ entities_created: 2, relationships_created: 1, insights_created: 2 });
			const again = await client.post('/v1/context/text', { content: 'Jane Doe signed the order form.' });
			const againId = digits((again.exact as Record<string, unknown>).artifact_id);
			quick.advanceClock(300);
			const second = obj(await client.get(`/v1/context/artifacts/${againId}`)).result;
			expect(second).toMatchObject({ entities_created: 0, entities_updated: 1 });
			expect(second.entities_extracted[0].is_new).toBe(false);
		} finally {
			await quick.close();
		}
	});

	test('artifact phases by the clock, and a failed artifact', async () => {
		const id = digits((await api.post('/v1/context/text', { content: 'hello' })).exact && ((await api.post('/v1/context/text', { content: 'hello' })).exact as Record<string, unknown>).artifact_id);
		const status = async () => obj(await api.get(`/v1/context/artifacts/${id}`));
		expect((await status()).status).toBe('pending');
		expect((await status()).result).toBeUndefined();
		sandbox.advanceClock(25_000);
		expect((await status()).status).toBe('processing');
		sandbox.advanceClock(35_000);
		expect(await status()).toMatchObject({ status: 'completed', completed_at: expect.any(String), result: { entities_created: 0 } });

		sandbox.failNext({ artifacts: 1 });
		const failed = digits(((await api.post('/v1/context/text', { content: 'x' })).exact as Record<string, unknown>).artifact_id);
		sandbox.advanceClock(60_000);
		expect(obj(await api.get(`/v1/context/artifacts/${failed}`))).toMatchObject({ status: 'failed', error: expect.any(String) });
	});

	test('AI list jobs are wrapped in {"message": {...}}; unwrapped when configured', async () => {
		const created = await api.post('/v1/context/list/jobs', { query: 'companies in healthcare', object_type: 'company' });
		expect(obj(created)).toEqual({ message: { job_id: expect.stringMatching(/^\d{17}$/), status: 'pending' } });
		const jobId = obj(created).message.job_id;
		expect(obj(await api.get(`/v1/context/list/jobs/${jobId}`)).message.status).toBe('pending');
		sandbox.advanceClock(30_000);
		expect(obj(await api.get(`/v1/context/list/jobs/${jobId}`)).message.status).toBe('processing');
		sandbox.advanceClock(30_000);
		const done = obj(await api.get(`/v1/context/list/jobs/${jobId}`)).message;
		expect(done).toMatchObject({ status: 'completed', count: 1, entities: [{ name: 'Umbrella Health', type: 'company' }] });
		expect(done.entities[0].attributes).toBeUndefined();
		const withAttributes = obj(await api.get(`/v1/context/list/jobs/${jobId}`, { include_attributes: true })).message;
		expect(withAttributes.entities[0].attributes.domains).toEqual(['umbrella-health.com']);

		sandbox.configure({ aiListShape: 'unwrapped' });
		const bare = await api.post('/v1/context/list/jobs', { query: 'everyone' });
		expect(obj(bare)).toEqual({ job_id: expect.any(String), status: 'pending' });
		expect((await api.post('/v1/context/list/jobs', { query: 'x', object_type: 'deal' })).status).toBe(400);
	});

	test('compounding: 202 accepted → running → completed; failed with error details', async () => {
		const trigger = await api.post('/v1/compounding/trigger', { job_type: 'consolidation' });
		expect(trigger.status).toBe(202);
		const id = obj(trigger).job_run_id;
		const status = async () => obj(await api.get(`/v1/compounding/jobs/${id}`));
		expect((await status()).status).toBe('accepted');
		sandbox.advanceClock(30_000);
		expect((await status()).status).toBe('running');
		sandbox.advanceClock(30_000);
		expect(await status()).toMatchObject({ status: 'completed', duration_ms: 60_000, errors: 0, insights_scanned: 25 });
		sandbox.failNext({ compounding: 1 });
		const failed = obj(await api.post('/v1/compounding/trigger', { job_type: 'metrics' })).job_run_id;
		sandbox.advanceClock(60_000);
		expect(obj(await api.get(`/v1/compounding/jobs/${failed}`))).toMatchObject({ status: 'failed', error_details: expect.any(Object) });
	});

	test('integration connect: pending → connected, listed, then 410 once the connect_id expires', async () => {
		const started = await api.post('/v1/integrations/messaging/slack/connect');
		expect(obj(started).auth_url).toMatch(/^https:\/\/slack\.com\/oauth\/v2\/authorize\?/);
		const connectId = obj(started).connect_id as string;
		expect(connectId.startsWith('eyJ')).toBe(true);
		const status = () => api.get(`/v1/integrations/connect/${encodeURIComponent(connectId)}/status`);
		expect(obj(await status())).toEqual({ status: 'pending' });
		sandbox.advanceClock(60_000);
		const connected = await status();
		const connectionId = digits((connected.exact as Record<string, unknown>).connection_id);
		expect(BigInt(connectionId) > TWO_53).toBe(true);
		const slack = (obj(await api.get('/v1/integrations')) as unknown as { provider: string; connections: { id: number }[] }[]).find((i) => i.provider === 'slack')!;
		expect(slack.connections).toHaveLength(1);
		sandbox.advanceClock(10 * 60_000);
		const gone = await status();
		expect(gone.status).toBe(410);
		expect(gone.plain).toEqual({ code: 410, message: expect.any(String) });
	});

	test('integration connect is limited to 10 per minute per key, with Retry-After', async () => {
		for (let i = 0; i < 10; i++) expect((await api.post('/v1/integrations/email/google/connect')).status).toBe(200);
		const limited = await api.post('/v1/integrations/email/google/connect');
		expect(limited.status).toBe(429);
		expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
		expect(limited.plain).toEqual({ code: 429, message: expect.stringContaining('10') });
		sandbox.addKey('sk-other', ['integration.write']);
		expect((await api.call('POST', '/v1/integrations/email/google/connect', { key: 'sk-other' })).status).toBe(200);
		sandbox.advanceClock(60_001);
		expect((await api.post('/v1/integrations/email/google/connect')).status).toBe(200);
	});
});

describe('faults', () => {
	test('status: answers the error shape (with Retry-After when set) for `count` matching requests', async () => {
		sandbox.faults.add({ kind: 'status', status: 429, retryAfter: 7, pathIncludes: '/v1/objects', count: 2 });
		for (let i = 0; i < 2; i++) {
			const res = await api.get('/v1/objects');
			expect(res.status).toBe(429);
			expect(res.headers['retry-after']).toBe('7');
			expect(res.plain).toEqual({ code: 429, message: expect.any(String) });
		}
		expect((await api.get('/v1/objects')).status).toBe(200);
		sandbox.faults.add({ kind: 'status', status: 503 });
		const unavailable = await api.get('/v1/tasks');
		expect(unavailable.status).toBe(503);
		expect(unavailable.headers['retry-after']).toBeUndefined();
		expect(sandbox.requests.entries.map((e) => [e.status, e.fault ?? null])).toEqual([
			[429, 'status'],
			[429, 'status'],
			[200, null],
			[503, 'status'],
		]);
	});

	test('skip, method and path filters', async () => {
		sandbox.faults.add({ kind: 'status', status: 500, method: 'POST', pathIncludes: '/v1/tasks', skip: 1 });
		expect((await api.get('/v1/tasks')).status).toBe(200);
		expect((await api.post('/v1/tasks', { title: 'one' })).status).toBe(200);
		expect((await api.post('/v1/tasks', { title: 'two' })).status).toBe(500);
		expect((await api.post('/v1/tasks', { title: 'three' })).status).toBe(200);
	});

	test('reset: the connection dies mid-body', async () => {
		sandbox.faults.add({ kind: 'reset' });
		await expect(api.get('/v1/objects')).rejects.toThrow();
		expect(sandbox.requests.entries[0].fault).toBe('reset');
		expect((await api.get('/v1/objects')).status).toBe(200);
	});

	test('truncate: half a JSON body with a matching Content-Length', async () => {
		const full = (await api.get('/v1/objects')).text;
		sandbox.faults.add({ kind: 'truncate', pathIncludes: '/v1/objects' });
		const res = await request(`${sandbox.baseUrl}/v1/objects`, { headers: { authorization: `Bearer ${sandbox.keys.full}` } });
		const text = await res.body.text();
		expect(res.statusCode).toBe(200);
		expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(text));
		expect(full.startsWith(text)).toBe(true);
		expect(text.length).toBeLessThan(full.length);
		expect(() => JSON.parse(text)).toThrow();
	});

	test('stall: no answer, then the socket closes after stallMs', async () => {
		sandbox.faults.add({ kind: 'stall', stallMs: 250 });
		const started = Date.now();
		await expect(api.get('/v1/objects')).rejects.toThrow();
		expect(Date.now() - started).toBeGreaterThanOrEqual(200);
		sandbox.faults.add({ kind: 'stall', stallMs: 5_000 });
		const controller = new AbortController();
		const pending = request(`${sandbox.baseUrl}/v1/objects`, { headers: { authorization: `Bearer ${sandbox.keys.full}` }, signal: controller.signal });
		await sleep(100);
		controller.abort();
		await expect(pending).rejects.toThrow();
	});

	test('faults through the control API', async () => {
		const added = await control('POST', '/faults', [
			{ kind: 'status', status: 502, pathIncludes: '/v1/notes' },
			{ kind: 'drop-stream', afterEvents: 2 },
		]);
		expect(added.json.faults).toHaveLength(2);
		expect((await api.get('/v1/notes')).status).toBe(502);
		expect((await api.get('/v1/notes')).status).toBe(200);
		expect((await control('GET', '/faults')).json.faults).toEqual([expect.objectContaining({ kind: 'drop-stream' })]);
		await control('DELETE', '/faults');
		expect(sandbox.faults.pending()).toEqual([]);
		expect((await control('POST', '/faults', { status: 500 })).status).toBe(400);
	});
});

describe('request log and control API', () => {
	test('records method, path, query, raw query, lower-case headers, body and status', async () => {
		await api.call('POST', '/v1/tasks', { body: { title: 'Logged' }, query: { dry: 'a b' }, headers: { 'X-Trace': 'abc' } });
		const entry = sandbox.requests.entries[0];
		expect(entry).toMatchObject({
			method: 'POST',
			path: '/api/developers/v1/tasks',
			query: { dry: 'a b' },
			rawQuery: 'dry=a+b',
			bodyText: '{"title":"Logged"}',
			body: { title: 'Logged' },
			status: 200,
		});
		expect(entry.headers['x-trace']).toBe('abc');
		expect(entry.headers.authorization).toBe(`Bearer ${sandbox.keys.full}`);
		const listed = await control('GET', '/requests?path=/v1/tasks');
		expect(listed.json.requests).toHaveLength(1);
		await control('DELETE', '/requests');
		expect(sandbox.requests.entries).toHaveLength(0);
	});

	// How fast seeding is belongs to the bench, not to a test.
	test('bulk seeding: 20,000 records over the control API', async () => {
		const seeded = await control('POST', '/seed', { records: { object: 'person', count: 20_000 } });
		expect(seeded.status).toBe(200);
		expect(seeded.json.records[0].ids).toHaveLength(20_000);
		const page = await api.post('/v1/objects/person/records', { limit: 1, offset: 19_999 });
		expect(obj(page).total).toBe(20_012);
	});

	test('state, reset, config, seed errors, and the banner', async () => {
		await api.post('/v1/objects/company', { attributes: { name: 'Temp' } });
		const state = await control('GET', '/state');
		expect(state.json).toMatchObject({ records: 22, tasks: 8, insights: 25 });
		expect((await control('POST', '/reset')).status).toBe(200);
		expect((await control('GET', '/state')).json.records).toBe(21);
		expect((await control('POST', '/config', { replayFormat: 'batch' })).json.replayFormat).toBe('batch');
		expect((await control('POST', '/config', { nonsense: 1 })).status).toBe(400);
		expect((await control('POST', '/seed', { records: { object: 'spaceship', count: 1 } })).status).toBe(400);
		expect((await control('GET', '/nothing')).status).toBe(404);
		const banner = describeNexSandbox(sandbox);
		expect(banner).toContain(sandbox.baseUrl);
		expect(banner).toContain(sandbox.keys.full);
		expect(banner).toContain(sandbox.controlUrl);
	});

	test('an empty sandbox (seed: false) has no data but the same API', async () => {
		const empty = await startNexSandbox({ seed: false });
		try {
			const client = new NexTestClient(empty.baseUrl, empty.keys.full);
			expect(obj(await client.get('/v1/objects'))).toEqual({ data: [] });
			expect((await client.post('/v1/objects', { name: 'Person', slug: 'person', type: 'person' })).status).toBe(200);
			expect((await client.post('/v1/objects/person', { attributes: { name: { first_name: 'A', last_name: 'B' } } })).status).toBe(200);
		} finally {
			await empty.close();
		}
	});
});

describe('insight times and the order of GET /v1/insights (both undocumented beyond RFC 3339: every reading can be played)', () => {
	const fraction = (time: string) => /\.(\d+)Z$/.exec(time)?.[1] ?? '';
	const list = async (query: Record<string, string | number>) => (obj(await api.get('/v1/insights', query)).data as Array<{ id: string; created_at: string }>);

	test.each([
		['us', 6],
		['ns', 9],
		['ms', 3],
	] as const)('%s precision: creation times carry at most %i fraction digits; one batch is one instant, batches move on', async (timestampPrecision, maxDigits) => {
		sandbox.configure({ timestampPrecision });
		const first = sandbox.emitInsightBatch(3);
		const second = sandbox.emitInsightBatch(2);
		const times = [...first.insights, ...second.insights].map((i) => i.created_at);
		for (const time of times) expect(fraction(time).length).toBeLessThanOrEqual(maxDigits);
		expect(new Set(times.slice(0, 3)).size).toBe(1);
		if (timestampPrecision !== 'ms') expect(times[3]).not.toBe(times[0]);
	});

	test('from/to are inclusive and exact below the millisecond: a bound rounded to ms leaves out what shares that millisecond', async () => {
		sandbox.configure({ timestampPrecision: 'ns' });
		const batch = sandbox.emitInsightBatch([{ content: 'a', created_at: '2030-01-01T00:00:00.123456789Z' }, { content: 'b', created_at: '2030-01-01T00:00:00.123456789Z' }]);
		sandbox.emitInsightBatch([{ content: 'c', created_at: '2030-01-01T00:00:00.1234568Z' }]);
		expect(batch.insights[0].created_at).toBe('2030-01-01T00:00:00.123456789Z');
		expect(await list({ from: '2030-01-01T00:00:00.123456789Z', to: '2030-01-01T00:00:00.123456789Z', limit: 100 })).toHaveLength(2);
		expect(await list({ from: '2030-01-01T00:00:00.123456789Z', limit: 100 })).toHaveLength(3);
		expect(await list({ from: '2030-01-01T00:00:00Z', to: '2030-01-01T00:00:00.123Z', limit: 100 })).toHaveLength(0);
	});

	test('answers newest first by default, oldest first when configured', async () => {
		const created = (answer: Array<{ created_at: string }>) => answer.map((i) => i.created_at);
		const newest = created(await list({ limit: 5 }));
		expect([...newest].sort().reverse()).toEqual(newest);
		sandbox.configure({ insightsOrder: 'oldest-first' });
		const oldest = created(await list({ limit: 5 }));
		expect([...oldest].sort()).toEqual(oldest);
		expect(oldest[0] < newest[0]).toBe(true);
	});
});

describe('record order on updated_at (undocumented whether the service honours that sort: both readings can be played)', () => {
	const listed = async (sort?: unknown) =>
		obj(await api.post('/v1/objects/person/records', { limit: 500, offset: 0, sort, attributes: 'primary' })).data as Array<{
			id: string;
			updated_at: string;
		}>;

	test('sorted on updated_at by default; with recordsSort "ignored" the default order comes back whatever the sort asks', async () => {
		const [oldest] = await listed();
		const patched = await api.patch(`/v1/records/${oldest.id}`, { attributes: { job_title: 'Moved ahead' } });
		expect(patched.status).toBe(200);
		const byCreation = (await listed()).map((r) => r.id);
		expect((await listed({ attribute: 'updated_at', direction: 'desc' }))[0].id).toBe(oldest.id);
		expect((await listed({ attribute: 'updated_at', direction: 'asc' })).at(-1)?.id).toBe(oldest.id);

		expect((await control('POST', '/config', { recordsSort: 'ignored' })).status).toBe(200);
		expect((await listed({ attribute: 'updated_at', direction: 'desc' })).map((r) => r.id)).toEqual(byCreation);
		expect((await listed({ attribute: 'updated_at', direction: 'asc' })).map((r) => r.id)).toEqual(byCreation);
		expect((await control('POST', '/config', { recordsSort: 'sometimes' })).status).toBe(400);
	});

	test('with recordsSort "rejected", updated_at is refused as a sort attribute like an unknown attribute (400); other sorts still work', async () => {
		sandbox.configure({ recordsSort: 'rejected' });
		const refused = await api.post('/v1/objects/person/records', { limit: 5, sort: { attribute: 'updated_at', direction: 'desc' } });
		expect(refused.status).toBe(400);
		expect(obj(refused)).toEqual({ code: 400, message: expect.stringContaining('updated_at') });
		expect((await api.post('/v1/objects/person/records', { limit: 5, sort: { attribute: 'name', direction: 'desc' } })).status).toBe(200);
		expect((await api.post('/v1/objects/person/records', { limit: 5 })).status).toBe(200);
	});
});
