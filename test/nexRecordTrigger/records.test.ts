import type { IDataObject } from 'n8n-workflow';

import { countById, RECORDS_PATH, startRecordTriggerTest, type RecordTriggerTest } from './helpers';

/**
 * Records created / updated through n8n's poll driver against the Nex sandbox, in both readings
 * of the undocumented sort on updated_at: honoured (the trigger reads newest first and stops at its
 * boundary) and ignored (it reads every record and remembers what it saw).
 */

let t: RecordTriggerTest;
beforeAll(async () => {
	t = await startRecordTriggerTest();
});
afterAll(async () => await t?.close());
beforeEach(() => t.sandbox.reset());

const watchPeople = (events = ['recordCreated', 'recordUpdated']) =>
	t.node({ resource: 'record', objectType: { __rl: true, mode: 'list', value: 'person' }, recordEvents: events });
const listings = (requests: Array<{ path: string }>) => requests.filter((request) => request.path === RECORDS_PATH);
/** The person records of the sandbox, oldest first. */
const people = () => [...t.sandbox.store.records.values()].filter((record) => t.sandbox.store.objectOf(record).slug === 'person');
const events = (items: IDataObject[]) => items.map((item) => [(item.record as IDataObject).id, item.event]);

describe.each([
	// Sorted: one page, newest first.
	['honoured', 'sorted', 1],
	// Full scan: two probe requests (newest ascending and descending), then every page.
	['ignored', 'fullScan', 3],
	// Full scan without a sort: the probe is refused at once (400), then every page.
	['rejected', 'fullScan', 2],
] as const)('sort %s by Nex: %s reading', (recordsSort, readMode, idleRequests) => {
	beforeEach(() => t.sandbox.configure({ recordsSort }));

	test('first activation emits nothing; a created and an updated record are each emitted once, with the read mode', async () => {
		const staticData: IDataObject = {};
		expect((await t.poll(watchPeople(), staticData)).empty).toBe(true);
		const now = Date.now();
		const [created] = t.createPeople(1, now + 1000);
		const existing = people()[0];
		t.touch(existing.id.toString(), now + 2000);

		const run = await t.poll(watchPeople(), staticData);
		expect(events(run.items)).toEqual([
			[created, 'recordCreated'],
			[existing.id.toString(), 'recordUpdated'],
		]);
		expect(run.items.map((item) => item.readMode)).toEqual([readMode, readMode]);
		expect((run.items[0].record as IDataObject).updated_at).toEqual(expect.any(String));
		expect((await t.poll(watchPeople(), staticData)).empty).toBe(true);
		// Only updates: the next creation does not fire, the next update does.
		t.createPeople(1, now + 3000);
		t.touch(created, now + 4000);
		expect(events((await t.poll(watchPeople(['recordUpdated']), staticData)).items)).toEqual([[created, 'recordUpdated']]);
	});

	test(`an idle poll is ${idleRequests} request(s)`, async () => {
		const staticData: IDataObject = {};
		await t.poll(watchPeople(), staticData);
		const idle = await t.poll(watchPeople(), staticData);
		expect(idle.empty).toBe(true);
		expect(listings(idle.requests)).toHaveLength(idleRequests);
		expect(idle.requests).toHaveLength(idleRequests);
	});

	test('250 records created at one instant, then 250 updated at another: each emitted once across pages of 100', async () => {
		const staticData: IDataObject = {};
		await t.poll(watchPeople(), staticData);
		const at = Date.now() + 5000;
		const ids = t.createPeople(250, at);
		const created = await t.poll(watchPeople(), staticData);
		expect(created.items).toHaveLength(250);
		expect([...countById(created.items).values()].every((count) => count === 1)).toBe(true);
		expect(new Set(created.items.map((item) => item.event))).toEqual(new Set(['recordCreated']));
		expect(listings(created.requests).length).toBeGreaterThanOrEqual(3);

		for (const id of ids) t.touch(id, at + 1000);
		const updated = await t.poll(watchPeople(), staticData);
		expect([...countById(updated.items).keys()].sort()).toEqual([...ids].sort());
		expect(updated.items).toHaveLength(250);
		expect(new Set(updated.items.map((item) => item.event))).toEqual(new Set(['recordUpdated']));
		expect((await t.poll(watchPeople(), staticData)).empty).toBe(true);
	});

	test('a poll failing on page 2 emits and saves nothing; the next poll emits every change once', async () => {
		const staticData: IDataObject = {};
		await t.poll(watchPeople(), staticData);
		const ids = t.createPeople(250, Date.now() + 5000);
		const before = JSON.stringify(staticData);
		// Full scans probe the sort first, then read the pages: an idle poll's requests less its one page.
		t.sandbox.faults.add({ kind: 'status', status: 500, pathIncludes: '/objects/person/records', skip: idleRequests });
		const error = await t.failingPoll(watchPeople(), staticData);
		expect(`${error.message} ${(error as { description?: string }).description ?? ''}`).toContain('500');
		expect(JSON.stringify(staticData)).toBe(before);
		const next = await t.poll(watchPeople(), staticData);
		expect([...countById(next.items).keys()].sort()).toEqual([...ids].sort());
		expect(next.items).toHaveLength(250);
	});

	test('a restart from static data saved as JSON neither repeats nor loses, at the boundary instant too', async () => {
		let saved: IDataObject = {};
		await t.poll(watchPeople(), saved);
		const at = Date.now() + 5000;
		const first = t.createPeople(3, at);
		saved = JSON.parse(JSON.stringify(saved)) as IDataObject;
		expect(events((await t.poll(watchPeople(), saved)).items).map(([id]) => id)).toEqual(first);
		saved = JSON.parse(JSON.stringify(saved)) as IDataObject;
		// Written at the very instant of the saved boundary, after the poll that read it.
		const late = t.createPeople(2, at);
		const afterRestart = await t.poll(watchPeople(), JSON.parse(JSON.stringify(saved)) as IDataObject);
		expect(events(afterRestart.items)).toEqual(late.map((id) => [id, 'recordCreated']));
	});
});

test('Nex stops sorting after activation: the poller notices the disorder, reads everything, emits each change once', async () => {
	const staticData: IDataObject = {};
	await t.poll(watchPeople(), staticData);
	const base = Date.now();
	const everyone = people();
	// Change the oldest records: in creation order they come first, with the newest updated_at.
	for (const [i, record] of everyone.slice(0, 3).entries()) t.touch(record.id.toString(), base + 1000 + i);
	t.sandbox.configure({ recordsSort: 'ignored' });
	const run = await t.poll(watchPeople(), staticData);
	expect(events(run.items)).toEqual(everyone.slice(0, 3).map((record) => [record.id.toString(), 'recordUpdated']));
	expect(run.items.every((item) => item.readMode === 'fullScan')).toBe(true);
	expect((await t.poll(watchPeople(), staticData)).empty).toBe(true);
	// Sorting again: back to reading only what changed.
	t.sandbox.configure({ recordsSort: 'honoured' });
	t.touch(everyone[5].id.toString(), base + 5000);
	const back = await t.poll(watchPeople(), staticData);
	expect(events(back.items)).toEqual([[everyone[5].id.toString(), 'recordUpdated']]);
	expect(back.items[0].readMode).toBe('sorted');
	expect(listings((await t.poll(watchPeople(), staticData)).requests)).toHaveLength(1);
});

test('ids above 2^53 reach the workflow exactly, as text', async () => {
	const staticData: IDataObject = {};
	await t.poll(watchPeople(), staticData);
	const [id] = t.createPeople(1, Date.now() + 1000);
	expect(BigInt(id) > 2n ** 53n).toBe(true);
	const run = await t.poll(watchPeople(), staticData);
	expect((run.items[0].record as IDataObject).id).toBe(id);
});

test.each(['honoured', 'ignored', 'rejected'] as const)('"Fetch test event" returns the latest change and saves nothing (sort %s)', async (recordsSort) => {
	t.sandbox.configure({ recordsSort });
	const staticData: IDataObject = {};
	const [id] = t.createPeople(1, Date.now() + 1000);
	const run = await t.poll(watchPeople(), staticData, 'manual');
	expect(events(run.items)).toEqual([[id, 'recordCreated']]);
	expect(run.items[0].readMode).toBe(recordsSort === 'honoured' ? 'sorted' : 'fullScan');
	expect(staticData).toEqual({});
});

test('an empty Object Type fails naming the field, with nothing sent', async () => {
	const error = await t.failingPoll(t.node({ resource: 'record', objectType: { __rl: true, mode: 'id', value: ' ' } }), {});
	expect(error.message).toContain('Object Type');
	expect(t.sandbox.requests.entries.filter((request) => request.path.startsWith('/api/'))).toHaveLength(0);
});
