import { request } from 'undici';
import { ALL_ROUTES, startNexSandbox, type NexSandbox } from './nex';
import { digits, NexSpecValidator, NexTestClient, specOperations, type ApiResponse, type CallOptions } from './nex/testkit';

/**
 * Every one of the spec's operations, driven over HTTP and checked against nex-openapi.json with
 * openapi-response-validator: documented status, documented content type, schema-valid body.
 */

let sandbox: NexSandbox;
let api: NexTestClient;
const validator = new NexSpecValidator();
const later = (ms = 60_000) => sandbox.advanceClock(ms);

beforeAll(async () => {
	// Long async durations and a movable clock: every intermediate state is observed deterministically.
	sandbox = await startNexSandbox({ artifactProcessingMs: 60_000, jobDurationMs: 60_000 });
	api = new NexTestClient(sandbox.baseUrl, sandbox.keys.full);
});

afterAll(async () => {
	await sandbox.close();
});

/** Calls `METHOD template` with params filled in, expects `status`, validates against the spec. */
async function op(
	method: string,
	template: string,
	params: Record<string, string> = {},
	options: CallOptions = {},
	status = 200,
): Promise<ApiResponse> {
	const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
		if (params[name] === undefined) throw new Error(`missing param ${name}`);
		return encodeURIComponent(params[name]);
	});
	const res = await api.call(method, path, options);
	if (res.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${res.status}: ${res.text.slice(0, 400)}`);
	expect(validator.check(method, template, res)).toEqual([]);
	return res;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const obj = (res: ApiResponse) => res.plain as Record<string, any>;

/** The first bytes of the SSE answer (status, headers, text), then the connection is dropped. */
async function streamStart(key: string | null): Promise<ApiResponse> {
	const controller = new AbortController();
	const headers: Record<string, string> = { accept: 'text/event-stream' };
	if (key) headers.authorization = `Bearer ${key}`;
	const res = await request(`${sandbox.baseUrl}/v1/insights/stream`, { headers, signal: controller.signal });
	const flat: Record<string, string> = {};
	for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') flat[k] = v;
	let text = '';
	if (res.statusCode === 200) {
		for await (const chunk of res.body) {
			text += Buffer.from(chunk as Buffer).toString('utf8');
			if (text.includes('event: insight.replay')) break;
		}
		controller.abort();
		return { status: 200, headers: flat, text, exact: undefined, plain: undefined };
	}
	text = await res.body.text();
	return { status: res.statusCode, headers: flat, text, exact: JSON.parse(text), plain: JSON.parse(text) };
}

describe('Nex sandbox answers every operation as nex-openapi.json documents it', () => {
	const ids: Record<string, string> = {};

	test('schema: objects and attributes', async () => {
		const list = await op('GET', '/v1/objects');
		expect(obj(list).data.map((o: { slug: string }) => o.slug)).toEqual(expect.arrayContaining(['person', 'company']));
		expect(obj(list).data[0].attributes).toBeUndefined();
		const withAttributes = await op('GET', '/v1/objects', {}, { query: { include_attributes: true } });
		expect(obj(withAttributes).data[0].attributes.length).toBeGreaterThan(0);
		ids.companyObject = obj(withAttributes).data.find((o: { slug: string }) => o.slug === 'company').id;
		ids.personObject = obj(withAttributes).data.find((o: { slug: string }) => o.slug === 'person').id;

		const created = await op('POST', '/v1/objects', {}, {
			body: { name: 'Project', slug: 'project', name_plural: 'Projects', description: 'Project tracker', type: 'custom' },
		});
		expect(obj(created)).toMatchObject({ slug: 'project', name: 'Project', type: 'custom' });
		await op('GET', '/v1/objects/{slug}', { slug: 'project' });
		const patched = await op('PATCH', '/v1/objects/{slug}', { slug: 'project' }, { body: { name: 'Updated Project' } });
		expect(obj(patched).name).toBe('Updated Project');

		const attr = await op('POST', '/v1/objects/{slug}/attributes', { slug: 'project' }, {
			body: { name: 'Status', slug: 'status', type: 'select', options: { is_required: false, select_options: [{ name: 'Open' }, { name: 'Done' }] } },
		});
		const open = obj(attr).options.select_options[0];
		const updated = await op('PATCH', '/v1/objects/{slug}/attributes/{attr_id}', { slug: 'project', attr_id: obj(attr).id }, {
			body: { name: 'State', options: { select_options: [{ id: open.id, name: 'Open' }, { name: 'Blocked' }] } },
		});
		expect(obj(updated).options.select_options.map((o: { name: string }) => o.name)).toEqual(['Open', 'Blocked']);
		await op('DELETE', '/v1/objects/{slug}/attributes/{attr_id}', { slug: 'project', attr_id: obj(attr).id });

		await op('GET', '/v1/objects/{slug}', { slug: 'nope' }, {}, 404);
		await op('POST', '/v1/objects', {}, { body: { name: 'No slug' } }, 400);
		await op('POST', '/v1/objects/{slug}/attributes', { slug: 'project' }, { body: { name: 'X', slug: 'x', type: 'colour' } }, 400);
		await op('PATCH', '/v1/objects/{slug}/attributes/{attr_id}', { slug: 'project', attr_id: '1' }, { body: { name: 'y' } }, 404);
	});

	test('records: create, upsert, list, get, update', async () => {
		const created = await op('POST', '/v1/objects/{slug}', { slug: 'person' }, {
			body: { attributes: { name: { first_name: 'Grace', last_name: 'Hopper' }, email_addresses: ['grace@hopper.dev'] } },
		});
		ids.person = obj(created).id;
		expect(typeof ids.person).toBe('string');
		const upserted = await op('PUT', '/v1/objects/{slug}', { slug: 'person' }, {
			body: { matching_attribute: 'email_addresses', attributes: { name: 'Grace Hopper', email_addresses: ['grace@hopper.dev'], job_title: 'Rear Admiral' } },
		});
		expect(obj(upserted).id).toBe(ids.person);
		const page = await op('POST', '/v1/objects/{slug}/records', { slug: 'person' }, {
			body: { attributes: 'all', limit: 5, offset: 0, sort: { attribute: 'name', direction: 'asc' } },
		});
		expect(obj(page)).toMatchObject({ limit: 5, offset: 0 });
		await op('GET', '/v1/records/{record_id}', { record_id: ids.person });
		const patched = await op('PATCH', '/v1/records/{record_id}', { record_id: ids.person }, { body: { attributes: { job_title: 'Computer scientist' } } });
		expect(obj(patched).attributes.job_title).toBe('Computer scientist');
		const company = await op('POST', '/v1/objects/{slug}/records', { slug: 'company' }, { body: { limit: 1, attributes: 'primary' } });
		ids.company = obj(company).data[0].id;

		await op('GET', '/v1/records/{record_id}', { record_id: 'abc' }, {}, 400);
		await op('GET', '/v1/records/{record_id}', { record_id: '32710180831586560' }, {}, 404);
		await op('POST', '/v1/objects/{slug}', { slug: 'person' }, { body: { attributes: { job_title: 'no name' } } }, 400);
		await op('POST', '/v1/objects/{slug}', { slug: 'spaceship' }, { body: { attributes: { name: 'x' } } }, 404);
		await op('PUT', '/v1/objects/{slug}', { slug: 'person' }, { body: { attributes: { name: 'x' } } }, 400);
		await op('POST', '/v1/objects/{slug}/records', { slug: 'person' }, { body: { limit: 0 } }, 400);
		await op('PATCH', '/v1/records/{record_id}', { record_id: '1' }, { body: { attributes: {} } }, 404);
	});

	test('lists and list members', async () => {
		const list = await op('POST', '/v1/objects/{slug}/lists', { slug: 'person' }, { body: { name: 'Hot leads', slug: 'hot-leads', description: 'Warm' } });
		ids.list = obj(list).id;
		expect(obj(list).type).toBe('list');
		const lists = await op('GET', '/v1/objects/{slug}/lists', { slug: 'person' }, { query: { include_attributes: true } });
		expect(obj(lists).data.some((l: { id: string }) => l.id === ids.list)).toBe(true);
		await op('GET', '/v1/lists/{id}', { id: ids.list });
		const added = await op('POST', '/v1/lists/{id}', { id: ids.list }, { body: { parent_id: ids.person, attributes: { score: 90 } } });
		expect(obj(added).attributes).toMatchObject({ score: 90, job_title: 'Computer scientist' });
		const upserted = await op('PUT', '/v1/lists/{id}', { id: ids.list }, { body: { parent_id: ids.person, attributes: { status: 'qualified' } } });
		expect(obj(upserted).id).toBe(obj(added).id);
		const members = await op('POST', '/v1/lists/{id}/records', { id: ids.list }, { body: { limit: 10, offset: 0 } });
		expect(obj(members)).toMatchObject({ total: 1, data: [{ id: ids.person, attributes: { status: 'qualified', score: 90 } }] });
		const updated = await op('PATCH', '/v1/lists/{id}/records/{record_id}', { id: ids.list, record_id: ids.person }, { body: { attributes: { status: 'won' } } });
		expect(obj(updated).attributes.status).toBe('won');
		await op('DELETE', '/v1/lists/{id}/records/{record_id}', { id: ids.list, record_id: ids.person });
		await op('DELETE', '/v1/lists/{id}/records/{record_id}', { id: ids.list, record_id: ids.person }, {}, 404);
		await op('POST', '/v1/lists/{id}', { id: ids.list }, { body: { parent_id: Number(ids.person) } }, 400);
		await op('PUT', '/v1/lists/{id}', { id: '12345' }, { body: { parent_id: ids.person } }, 404);
		await op('POST', '/v1/lists/{id}/records', { id: ids.list }, { body: { limit: 501 } }, 400);
		await op('PATCH', '/v1/lists/{id}/records/{record_id}', { id: ids.list, record_id: ids.person }, { body: { attributes: {} } }, 404);
		await op('DELETE', '/v1/lists/{id}', { id: ids.list });
		await op('GET', '/v1/lists/{id}', { id: ids.list }, {}, 404);
		await op('GET', '/v1/lists/{id}', { id: 'vip' }, {}, 400);
		await op('GET', '/v1/objects/{slug}/lists', { slug: 'nope' }, {}, 404);
		await op('POST', '/v1/objects/{slug}/lists', { slug: 'person' }, { body: { name: 'x' } }, 400);
	});

	test('relationship definitions and instances', async () => {
		const def = await op('POST', '/v1/relationships', {}, {
			body: { type: 'one_to_many', entity_definition_1_id: ids.companyObject, entity_definition_2_id: ids.personObject, entity_1_to_2_predicate: 'has', entity_2_to_1_predicate: 'belongs to' },
		});
		const defs = await op('GET', '/v1/relationships');
		expect(obj(defs).data.some((d: { id: string }) => d.id === obj(def).id)).toBe(true);
		const rel = await op('POST', '/v1/records/{record_id}/relationships', { record_id: ids.person }, {
			body: { definition_id: obj(def).id, entity_1_id: ids.company, entity_2_id: ids.person },
		});
		await op('DELETE', '/v1/records/{record_id}/relationships/{rel_id}', { record_id: ids.person, rel_id: obj(rel).id });
		await op('DELETE', '/v1/records/{record_id}/relationships/{rel_id}', { record_id: ids.person, rel_id: obj(rel).id }, {}, 404);
		await op('DELETE', '/v1/relationships/{id}', { id: obj(def).id });
		await op('DELETE', '/v1/relationships/{id}', { id: obj(def).id }, {}, 404);
		await op('POST', '/v1/relationships', {}, { body: { type: 'one_to_few', entity_definition_1_id: '1', entity_definition_2_id: '2' } }, 400);
		await op('POST', '/v1/records/{record_id}/relationships', { record_id: '3' }, { body: {} }, 404);
	});

	test('tasks', async () => {
		const task = await op('POST', '/v1/tasks', {}, {
			body: { title: 'Follow up with Grace', description: 'Discuss COBOL', priority: 'high', due_date: '2026-03-01T09:00:00Z', entity_ids: [ids.person], assignee_ids: ['50'] },
		});
		ids.task = obj(task).id;
		expect(obj(task)).toMatchObject({ priority: 'high', is_completed: false, entity_ids: [ids.person] });
		const list = await op('GET', '/v1/tasks', {}, { query: { entity_id: ids.person, limit: 10, offset: 0 } });
		expect(obj(list)).toMatchObject({ total: 1, has_more: false });
		await op('GET', '/v1/tasks/{task_id}', { task_id: ids.task });
		const done = await op('PATCH', '/v1/tasks/{task_id}', { task_id: ids.task }, { body: { is_completed: true, priority: 'urgent' } });
		expect(obj(done)).toMatchObject({ is_completed: true, priority: 'urgent' });
		await op('DELETE', '/v1/tasks/{task_id}', { task_id: ids.task });
		expect(obj(await op('GET', '/v1/tasks/{task_id}', { task_id: ids.task })).archived_at).toEqual(expect.any(String));
		await op('POST', '/v1/tasks', {}, { body: { title: '' } }, 400);
		await op('GET', '/v1/tasks', {}, { query: { limit: 501 } }, 400);
		await op('GET', '/v1/tasks/{task_id}', { task_id: '1' }, {}, 404);
		await op('PATCH', '/v1/tasks/{task_id}', { task_id: ids.task }, { body: { priority: 'someday' } }, 400);
		await op('DELETE', '/v1/tasks/{task_id}', { task_id: 'x' }, {}, 400);
	});

	test('notes', async () => {
		const note = await op('POST', '/v1/notes', {}, { body: { title: 'Meeting notes', content: 'Discussed Q3 roadmap…', entity_id: ids.person } });
		ids.note = obj(note).id;
		const list = await op('GET', '/v1/notes', {}, { query: { entity_id: ids.person } });
		expect(obj(list).data.map((n: { id: string }) => n.id)).toEqual([ids.note]);
		await op('GET', '/v1/notes/{note_id}', { note_id: ids.note });
		const patched = await op('PATCH', '/v1/notes/{note_id}', { note_id: ids.note }, { body: { content: 'Added action items' } });
		expect(obj(patched).content).toBe('Added action items');
		await op('DELETE', '/v1/notes/{note_id}', { note_id: ids.note });
		await op('POST', '/v1/notes', {}, { body: { content: 'no title' } }, 400);
		await op('GET', '/v1/notes', {}, { query: { entity_id: 'abc' } }, 400);
		await op('GET', '/v1/notes/{note_id}', { note_id: '1' }, {}, 404);
		await op('PATCH', '/v1/notes/{note_id}', { note_id: ids.note }, { body: { title: 42 } }, 400);
		await op('DELETE', '/v1/notes/{note_id}', { note_id: '7' }, {}, 404);
	});

	test('timeline and search', async () => {
		const timeline = await op('GET', '/v1/records/{record_id}/timeline', { record_id: ids.person }, { query: { limit: 50 } });
		const types = obj(timeline).data.map((e: { resource_type: string; event_type: string }) => `${e.resource_type}:${e.event_type}`);
		expect(types).toEqual(expect.arrayContaining(['note:archived', 'task:archived', 'entity:updated']));
		await op('GET', '/v1/records/{record_id}/timeline', { record_id: ids.person }, { query: { limit: 101 } }, 400);
		await op('GET', '/v1/records/{record_id}/timeline', { record_id: '1' }, {}, 404);
		const found = await op('POST', '/v1/search', {}, { body: { query: 'grace' } });
		expect(obj(found).results.person[0]).toMatchObject({ id: ids.person, primary_value: 'Grace Hopper' });
		await op('POST', '/v1/search', {}, { body: { query: 'x'.repeat(501) } }, 400);
	});

	test('context: add text, artifact, ask, AI lists', async () => {
		const added = await op('POST', '/v1/context/text', {}, { body: { content: 'Marcus Rodriguez from techflow.io commented: "Would love to book a demo"', context: 'LinkedIn activity' } });
		const artifactId = digits((added.exact as Record<string, unknown>).artifact_id);
		expect(obj(await op('GET', '/v1/context/artifacts/{artifact_id}', { artifact_id: artifactId })).status).toBe('pending');
		later(30_000);
		expect(obj(await op('GET', '/v1/context/artifacts/{artifact_id}', { artifact_id: artifactId })).status).toBe('processing');
		later(30_000);
		const done = await op('GET', '/v1/context/artifacts/{artifact_id}', { artifact_id: artifactId });
		expect(obj(done).status).toBe('completed');
		await op('GET', '/v1/context/artifacts/{artifact_id}', { artifact_id: 'abc' }, {}, 400);
		await op('GET', '/v1/context/artifacts/{artifact_id}', { artifact_id: '5' }, {}, 404);
		await op('POST', '/v1/context/text', {}, { body: { context: 'no content' } }, 400);

		const answer = await op('POST', '/v1/context/ask', {}, { body: { query: "What's the status with techflow.io?" } });
		expect(obj(answer).metadata.query_type).toBe('entity_specific');
		await op('POST', '/v1/context/ask', {}, { body: {} }, 400);

		const job = await op('POST', '/v1/context/list/jobs', {}, { body: { query: 'all companies', object_type: 'company', limit: 20 } });
		const jobId = obj(job).message.job_id;
		expect(obj(job).message.status).toBe('pending');
		expect(obj(await op('GET', '/v1/context/list/jobs/{job_id}', { job_id: jobId })).message.status).toBe('pending');
		later();
		const result = await op('GET', '/v1/context/list/jobs/{job_id}', { job_id: jobId }, { query: { include_attributes: true } });
		expect(obj(result).message).toMatchObject({ status: 'completed', count: expect.any(Number) });
		await op('GET', '/v1/context/list/jobs/{job_id}', { job_id: 'nope' }, {}, 400);
		await op('GET', '/v1/context/list/jobs/{job_id}', { job_id: '99' }, {}, 404);
		await op('POST', '/v1/context/list/jobs', {}, { body: { query: 'x', limit: 101 } }, 400);
	});

	test('insights REST and the SSE stream', async () => {
		const recent = await op('GET', '/v1/insights', {}, { query: { last: '2h', limit: 10 } });
		expect(obj(recent).data.length).toBeGreaterThan(0);
		await op('GET', '/v1/insights', {}, { query: { from: '2026-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z' } });
		await op('GET', '/v1/insights', {}, { query: { last: 'soon' } }, 400);

		const stream = await streamStart(sandbox.keys.full);
		expect(validator.check('GET', '/v1/insights/stream', stream)).toEqual([]);
		expect(stream.text.startsWith(': connected workspace_id=')).toBe(true);
		const denied = await streamStart('sk-unknown');
		expect(denied.status).toBe(401);
		expect(validator.check('GET', '/v1/insights/stream', denied)).toEqual([]);
	});

	test('knowledge graph (json and html)', async () => {
		const graph = await op('GET', '/v1/graph', {}, { query: { limit: 10 } });
		expect(obj(graph).nodes.length).toBe(10);
		expect(obj(graph).total_nodes).toBeGreaterThan(10);
		const html = await op('GET', '/v1/graph', {}, { query: { format: 'html' } });
		expect(html.text).toContain('<html');
		await op('GET', '/v1/graph', {}, { query: { limit: 5001 } }, 400);
		await op('GET', '/v1/graph', {}, { query: { format: 'xml' } }, 400);
	});

	test('integrations and the connect flow', async () => {
		const list = await op('GET', '/v1/integrations');
		expect((list.plain as unknown[]).length).toBe(8);
		const connect = await op('POST', '/v1/integrations/{type}/{provider}/connect', { type: 'crm', provider: 'hubspot' }, { body: {} });
		const connectId = obj(connect).connect_id;
		expect(obj(await op('GET', '/v1/integrations/connect/{connect_id}/status', { connect_id: connectId })).status).toBe('pending');
		later();
		const connected = await op('GET', '/v1/integrations/connect/{connect_id}/status', { connect_id: connectId });
		const connectionId = digits((connected.exact as Record<string, unknown>).connection_id);
		await op('DELETE', '/v1/integrations/connections/{connection_id}', { connection_id: connectionId });
		await op('DELETE', '/v1/integrations/connections/{connection_id}', { connection_id: connectionId }, {}, 404);
		await op('DELETE', '/v1/integrations/connections/{connection_id}', { connection_id: 'x' }, {}, 400);
		await op('POST', '/v1/integrations/{type}/{provider}/connect', { type: 'messaging', provider: 'google' }, {}, 400);
		await op('GET', '/v1/integrations/connect/{connect_id}/status', { connect_id: 'not-a-connect-id' }, {}, 400);
	});

	test('compounding jobs', async () => {
		const accepted = await op('POST', '/v1/compounding/trigger', {}, { body: { job_type: 'pattern_detection', dry_run: true } }, 202);
		expect(obj(accepted)).toMatchObject({ status: 'accepted', success: true, dry_run: true });
		const id = obj(accepted).job_run_id;
		expect(obj(await op('GET', '/v1/compounding/jobs/{job_run_id}', { job_run_id: id })).status).toBe('accepted');
		later(30_000);
		expect(obj(await op('GET', '/v1/compounding/jobs/{job_run_id}', { job_run_id: id })).status).toBe('running');
		later(30_000);
		expect(obj(await op('GET', '/v1/compounding/jobs/{job_run_id}', { job_run_id: id })).status).toBe('completed');
		await op('GET', '/v1/compounding/jobs/{job_run_id}', { job_run_id: '00000000-0000-4000-8000-000000000000' }, {}, 404);
		await op('POST', '/v1/compounding/trigger', {}, { body: { job_type: 'defrag' } }, 400);
	});

	test('notifications: feed, preferences, custom rules', async () => {
		const feed = await op('GET', '/v1/notifications/feed', {}, { query: { limit: 3 } });
		expect(obj(feed).items.length).toBe(3);
		await op('GET', '/v1/notifications/feed', {}, { query: { limit: 51 } }, 400);
		await op('GET', '/v1/notifications/feed', {}, { query: { since: 'yesterday' } }, 400);
		await op('GET', '/v1/notifications/preferences');
		const prefs = await op('PATCH', '/v1/notifications/preferences', {}, { body: { frequency_minutes: 30, digest_enabled: false } });
		expect(obj(prefs)).toMatchObject({ frequency_minutes: 30, digest_enabled: false });
		await op('PATCH', '/v1/notifications/preferences', {}, { body: { frequency_minutes: 'often' } }, 400);
		await op('GET', '/v1/notifications/custom');
		const rule = await op('POST', '/v1/notifications/custom', {}, { body: { description: 'Tell me when a deal closes' } });
		await op('GET', '/v1/notifications/custom/{id}', { id: obj(rule).id });
		await op('DELETE', '/v1/notifications/custom/{id}', { id: obj(rule).id });
		await op('GET', '/v1/notifications/custom/{id}', { id: obj(rule).id }, {}, 404);
		await op('DELETE', '/v1/notifications/custom/{id}', { id: obj(rule).id }, {}, 404);
		await op('POST', '/v1/notifications/custom', {}, { body: {} }, 400);
	});

	test('deletes of records and objects', async () => {
		await op('DELETE', '/v1/records/{record_id}', { record_id: ids.person });
		await op('DELETE', '/v1/records/{record_id}', { record_id: ids.person }, {}, 404);
		await op('DELETE', '/v1/records/{record_id}', { record_id: '-1' }, {}, 400);
		await op('DELETE', '/v1/objects/{slug}', { slug: 'project' });
		await op('DELETE', '/v1/objects/{slug}', { slug: 'project' }, {}, 404);
		await op('DELETE', '/v1/objects/{slug}/attributes/{attr_id}', { slug: 'project', attr_id: '1' }, {}, 404);
		await op('PATCH', '/v1/objects/{slug}', { slug: 'project' }, { body: {} }, 404);
	});

	test('every operation answers 401 without a key, in the documented error shape', async () => {
		const params: Record<string, string> = {
			slug: 'person',
			id: '1',
			record_id: '1',
			attr_id: '1',
			rel_id: '1',
			task_id: '1',
			note_id: '1',
			artifact_id: '1',
			job_id: '1',
			type: 'email',
			provider: 'google',
			connect_id: 'x',
			connection_id: '1',
			job_run_id: '00000000-0000-4000-8000-000000000000',
		};
		for (const { method, path } of specOperations()) {
			const concrete = path.replace(/\{(\w+)\}/g, (_m, name: string) => params[name]);
			const res = await api.call(method, concrete, { key: null, body: method === 'GET' || method === 'DELETE' ? undefined : {} });
			expect({ op: `${method} ${path}`, status: res.status }).toEqual({ op: `${method} ${path}`, status: 401 });
			expect(validator.check(method, path, res)).toEqual([]);
			expect(res.plain).toEqual({ code: 401, message: expect.any(String) });
		}
	});

	test('a 410 and a 429 are answered in the documented shape', async () => {
		const short = await startNexSandbox({ seed: true, connectExpiryMs: 50, connectRateLimitPerMinute: 1 });
		try {
			const client = new NexTestClient(short.baseUrl, short.keys.full);
			const first = await client.post('/v1/integrations/email/google/connect');
			const second = await client.post('/v1/integrations/email/google/connect');
			expect(second.status).toBe(429);
			expect(validator.check('POST', '/v1/integrations/{type}/{provider}/connect', second)).toEqual([]);
			short.advanceClock(50);
			const gone = await client.get(`/v1/integrations/connect/${encodeURIComponent(obj(first).connect_id)}/status`);
			expect(gone.status).toBe(410);
			expect(validator.check('GET', '/v1/integrations/connect/{connect_id}/status', gone)).toEqual([]);
		} finally {
			await short.close();
		}
	});

	test('the validator is not vacuous: it rejects answers that break the spec', () => {
		const json = (status: number, body: unknown): ApiResponse => ({
			status,
			headers: { 'content-type': 'application/json' },
			text: JSON.stringify(body),
			exact: body,
			plain: body,
		});
		const fresh = new NexSpecValidator();
		expect(fresh.check('POST', '/v1/context/text', json(200, { artifact_id: '32710180831586561' }))).not.toEqual([]);
		expect(fresh.check('GET', '/v1/tasks', json(200, { data: [{ id: 800 }], has_more: 'no' }))).not.toEqual([]);
		expect(fresh.check('POST', '/v1/compounding/trigger', json(202, { status: 'done' }))).not.toEqual([]);
		expect(fresh.check('GET', '/v1/objects', json(403, { code: 403, message: 'x' }))).not.toEqual([]);
		expect(fresh.check('DELETE', '/v1/tasks/{task_id}', json(200, {}))).not.toEqual([]);
		expect(fresh.check('GET', '/v1/graph', { ...json(200, {}), headers: { 'content-type': 'text/plain' } })).not.toEqual([]);
		expect(fresh.check('GET', '/v1/tasks', json(400, { code: '400', message: 'x' }))).not.toEqual([]);
		expect(fresh.check('POST', '/v1/context/text', json(200, { artifact_id: 32710180831586561 }))).toEqual([]);
	});

	test('all 61 operations of the spec were validated with a success answer', () => {
		const operations = specOperations();
		const distinct = new Set(operations.map((o) => `${o.method} ${o.path}`));
		expect(distinct.size).toBe(61);
		const succeeded = [...validator.validated.entries()].filter(([, statuses]) => [...statuses].some((s) => s >= 200 && s < 300)).map(([k]) => k);
		expect(new Set(succeeded)).toEqual(distinct);
		// The sandbox routes exactly the spec's operations.
		const routed = new Set(ALL_ROUTES.map((r) => `${r.method} ${r.path}`));
		expect(routed).toEqual(distinct);
	});
});
