import type { IDataObject, INode } from 'n8n-workflow';

import { TestEngine } from '../harness/engine';
import { runPoll } from '../harness/triggers';
import { startNexSandbox } from '../sandbox/nex';

/** The notification feed poller through n8n's poll driver against the Nex sandbox. */

type NexSandbox = Awaited<ReturnType<typeof startNexSandbox>>;
const FEED_PATH = '/api/developers/v1/notifications/feed';

let sandbox: NexSandbox;
let engine: TestEngine;
beforeAll(async () => {
	sandbox = await startNexSandbox({ port: 0, keepaliveIntervalMs: 0 });
	engine = new TestEngine();
	engine.addCredential({ id: 'nex-full', name: 'Nex', type: 'nexApi', data: { apiKey: sandbox.keys.full, baseUrl: sandbox.baseUrl } });
	engine.addCredential({
		id: 'nex-no-scopes',
		name: 'Nex without scopes',
		type: 'nexApi',
		data: { apiKey: sandbox.keys.noScopes, baseUrl: sandbox.baseUrl },
	});
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

function node(parameters: IDataObject = {}, credential = { id: 'nex-full', name: 'Nex' }): INode {
	return {
		id: 'feed-node',
		name: 'Nex Notification Trigger',
		type: 'n8n-nodes-nex.nexNotificationTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { nexApi: credential },
	};
}

const ids = (items: Array<{ json: IDataObject }> | null) => (items ?? []).map((item) => item.json.id);
const feedRequests = () => sandbox.requests.find(FEED_PATH, 'GET');

test('first activation emits nothing, even with notifications in the feed; then each new one exactly once, oldest first', async () => {
	const base = Date.now() - 60_000;
	for (let i = 0; i < 5; i++) sandbox.emitNotification({ id: `old-${i}`, sentMs: base + i * 1000 });
	const staticData: IDataObject = {};
	const first = await runPoll(engine, node(), staticData);
	expect(first.items).toBeNull();
	expect(feedRequests().map((r) => r.query)).toEqual([{ limit: '50' }]);

	expect((await runPoll(engine, node(), staticData)).items).toBeNull();
	// The second poll asks from the newest sent_at (minus the boundary second).
	expect(feedRequests()[1].query).toEqual({ limit: '50', since: new Date(base + 4000 - 1000).toISOString() });

	sandbox.emitNotification({ id: 'new-1', sentMs: base + 10_000 });
	sandbox.emitNotification({ id: 'new-2', sentMs: base + 11_000 });
	const third = await runPoll(engine, node(), staticData);
	expect(ids(third.items)).toEqual(['new-1', 'new-2']);
	expect(third.items?.[0].json).toMatchObject({ type: 'context_alert', status: 'unread', sent_at: expect.any(String) });
	expect((await runPoll(engine, node(), staticData)).items).toBeNull();
});

test('notifications with the same sent_at across polls are neither lost nor repeated', async () => {
	const at = Date.now() - 30_000;
	const staticData: IDataObject = {};
	sandbox.emitNotification({ id: 'before', sentMs: at - 5000 });
	await runPoll(engine, node(), staticData); // baseline
	sandbox.emitNotification({ id: 'tie-1', sentMs: at });
	expect(ids((await runPoll(engine, node(), staticData)).items)).toEqual(['tie-1']);
	// Arrives after that poll, with the very same sent_at as the cursor.
	sandbox.emitNotification({ id: 'tie-2', sentMs: at });
	sandbox.emitNotification({ id: 'tie-3', sentMs: at });
	expect(ids((await runPoll(engine, node(), staticData)).items)).toEqual(['tie-2', 'tie-3']);
	expect((await runPoll(engine, node(), staticData)).items).toBeNull();
	// Just inside the boundary second before the cursor, arrived late: still emitted once.
	sandbox.emitNotification({ id: 'late', sentMs: at - 400 });
	expect(ids((await runPoll(engine, node(), staticData)).items)).toEqual(['late']);
	expect((await runPoll(engine, node(), staticData)).items).toBeNull();
	// The boundary set stays small: only ids within a second of the cursor.
	expect(Object.keys((staticData['node:Nex Notification Trigger'] as IDataObject).recent as IDataObject).sort()).toEqual([
		'late',
		'tie-1',
		'tie-2',
		'tie-3',
	]);
});

test('a failing poll changes nothing: the next one emits what the failed one would have', async () => {
	const staticData: IDataObject = {};
	await runPoll(engine, node(), staticData);
	sandbox.emitNotification({ id: 'during-outage', sentMs: Date.now() });
	const before = JSON.stringify(staticData);
	sandbox.faults.add({ kind: 'status', status: 500, pathIncludes: '/notifications/feed' });
	await expect(runPoll(engine, node(), staticData)).rejects.toThrow(/^Nex had a server error/);
	expect(JSON.stringify(staticData)).toBe(before);
	sandbox.faults.add({ kind: 'truncate', pathIncludes: '/notifications/feed', count: 4 });
	await expect(runPoll(engine, node(), staticData)).rejects.toThrow(/incomplete/);
	expect(JSON.stringify(staticData)).toBe(before);
	expect(ids((await runPoll(engine, node(), staticData)).items)).toEqual(['during-outage']);
}, 30_000);

test('a failing first poll takes no baseline: the next poll does, still without a flood', async () => {
	sandbox.emitNotification({ id: 'existing', sentMs: Date.now() - 1000 });
	const staticData: IDataObject = {};
	sandbox.faults.add({ kind: 'status', status: 500, pathIncludes: '/notifications/feed' });
	await expect(runPoll(engine, node(), staticData)).rejects.toThrow();
	expect(staticData['node:Nex Notification Trigger'] ?? {}).toEqual({});
	expect((await runPoll(engine, node(), staticData)).items).toBeNull();
	expect((await runPoll(engine, node(), staticData)).items).toBeNull();
});

test('an empty feed at activation: everything after it is new', async () => {
	sandbox.store.notifications.length = 0;
	const staticData: IDataObject = {};
	expect((await runPoll(engine, node(), staticData)).items).toBeNull();
	sandbox.emitNotification({ id: 'first-ever', sentMs: Date.now() });
	expect(ids((await runPoll(engine, node(), staticData)).items)).toEqual(['first-ever']);
	expect(feedRequests()[1].query).toEqual({ limit: '50' });
});

test('"Fetch test event" returns the latest notification and leaves the cursor alone', async () => {
	const staticData: IDataObject = {};
	await runPoll(engine, node(), staticData);
	const cursor = JSON.stringify(staticData);
	sandbox.emitNotification({ id: 'latest', sentMs: Date.now() });
	const manual = await runPoll(engine, node(), staticData, 'manual');
	expect(ids(manual.items)).toEqual(['latest']);
	expect(feedRequests().at(-1)?.query).toEqual({ limit: '1' });
	expect(JSON.stringify(staticData)).toBe(cursor);
	// The active poll still gets it.
	expect(ids((await runPoll(engine, node(), staticData)).items)).toEqual(['latest']);
});

test('type filter: other types move the cursor but are not emitted', async () => {
	const staticData: IDataObject = {};
	await runPoll(engine, node({ options: { types: 'digest' } }), staticData);
	sandbox.emitNotification({ id: 'alert', type: 'context_alert', sentMs: Date.now() - 10 });
	sandbox.emitNotification({ id: 'digest', type: 'digest', sentMs: Date.now() });
	expect(ids((await runPoll(engine, node({ options: { types: 'digest' } }), staticData)).items)).toEqual(['digest']);
	expect((await runPoll(engine, node({ options: { types: 'digest' } }), staticData)).items).toBeNull();
});

test('a key without notification.read: the error names the scope', async () => {
	const error = (await runPoll(engine, node({}, { id: 'nex-no-scopes', name: 'Nex without scopes' }), {}).catch((e: unknown) => e)) as Error & {
		description?: string;
	};
	expect(error).toBeInstanceOf(Error);
	expect((error as Error & { description?: string }).description).toContain('Nex API error 403');
	expect(error.description).toContain('notification.read');
});
