import type { IDataObject } from 'n8n-workflow';

import { base36, InsightMemory, insightIdentity, insightKey, MAX_KEPT, MIN_KEPT, OVERLAP_MS } from '../../nodes/NexTrigger/dedupe';

/** The trigger's memory of emitted insights: content keys, bounds, and what it stores in static data. */

const streamInsight = (content: string, createdAt?: string) => ({
	type: 'risk',
	content,
	confidence_level: 'high',
	target: { type: 'entity', entity_type: 'person', entity_id: '9007199254740993123', hint: 'Jürgen Müller' },
	...(createdAt ? { created_at: createdAt } : {}),
});

const restInsight = (content: string, createdAt: string) => ({
	id: '55',
	workspace_id: '1',
	type: 'risk',
	content,
	entities: [{ id: '9007199254740993123', name: 'Jürgen Müller', type: 'person' }],
	created_at: createdAt,
});

describe('insight keys', () => {
	it('are the same for an insight on the stream and in GET /v1/insights (spec shape)', () => {
		expect(insightKey(streamInsight('Renewal is blocked'))).toBe(insightKey(restInsight('Renewal is blocked', '2026-02-05T10:30:00Z')));
	});

	it('differ by type, text and entity', () => {
		const base = insightKey(streamInsight('Renewal is blocked'));
		expect(insightKey({ ...streamInsight('Renewal is blocked'), type: 'opportunity' })).not.toBe(base);
		expect(insightKey(streamInsight('Renewal is blocked!'))).not.toBe(base);
		expect(insightKey({ ...streamInsight('Renewal is blocked'), target: { hint: 'Someone Else' } })).not.toBe(base);
	});

	it('base36 matches Number#toString(36) and parses back exactly', () => {
		for (const value of [0, 35, 36, 60_466_175, 60_466_176, 1_795_424_851_759, 2 ** 53 - 1]) {
			expect(base36(value)).toBe(value.toString(36));
			expect(parseInt(base36(value), 36)).toBe(value);
		}
	});
});

describe('InsightMemory', () => {
	it('knows an emitted insight again, in either shape; the creation time tells a repeated text apart', () => {
		const memory = new InsightMemory();
		memory.remember(streamInsight('Renewal is blocked', '2026-02-05T10:30:00Z'), Date.parse('2026-02-05T10:30:00Z'));
		expect(memory.has(streamInsight('Renewal is blocked', '2026-02-05T10:30:00Z'))).toBe(true);
		expect(memory.has(restInsight('Renewal is blocked', '2026-02-05T10:30:00Z'))).toBe(true);
		// Without a creation time it matches any time.
		expect(memory.has(streamInsight('Renewal is blocked'))).toBe(true);
		// Said again a day later: a new insight.
		expect(memory.has(streamInsight('Renewal is blocked', '2026-02-06T10:30:00Z'))).toBe(false);
		expect(memory.has(streamInsight('Something else', '2026-02-05T10:30:00Z'))).toBe(false);
	});

	it('an insight remembered without a creation time matches any time', () => {
		const memory = new InsightMemory();
		memory.remember(streamInsight('No time'), 1000);
		expect(memory.has(streamInsight('No time', '2026-02-06T10:30:00Z'))).toBe(true);
	});

	it('persists into static data and loads back', () => {
		const staticData: IDataObject = {};
		const memory = new InsightMemory(staticData);
		memory.floor = 1_000;
		memory.sawEmission(5_000);
		memory.workspace = { slug: 'acme' };
		memory.remember(streamInsight('A', '1970-01-01T00:00:04Z'), 4_000);
		memory.remember(streamInsight('B'), 4_500);
		memory.save();
		expect(staticData).toMatchObject({ version: 2, floor: 1_000, newestEmittedAt: 5_000, workspace: { slug: 'acme' } });
		expect(staticData.seen).toHaveLength(2);
		const reloaded = new InsightMemory(JSON.parse(JSON.stringify(staticData)));
		expect(reloaded.has(streamInsight('A', '1970-01-01T00:00:04Z'))).toBe(true);
		expect(reloaded.has(streamInsight('B'))).toBe(true);
		expect(reloaded.has(streamInsight('C'))).toBe(false);
		expect(reloaded.gapFillFrom()).toBe(5_000 - OVERLAP_MS < 1_000 ? 1_000 : 5_000 - OVERLAP_MS);
	});

	it('keeps the last MIN_KEPT keys always, older ones only within the overlap window, never more than MAX_KEPT', () => {
		const staticData: IDataObject = {};
		const memory = new InsightMemory(staticData);
		const t0 = Date.parse('2026-01-01T00:00:00Z');
		// An hour of quiet insights, one a minute: only the last MIN_KEPT survive.
		for (let i = 0; i < MIN_KEPT + 50; i++) memory.remember(streamInsight(`quiet ${i}`), t0 + i * 60_000);
		memory.sawEmission(t0 + (MIN_KEPT + 49) * 60_000);
		memory.save();
		expect(memory.size).toBe(MIN_KEPT);
		expect(memory.has(streamInsight('quiet 49'))).toBe(false);
		expect(memory.has(streamInsight('quiet 50'))).toBe(true);
		// A burst inside the overlap window: all kept, up to MAX_KEPT.
		const burstStart = t0 + 10 * 3_600_000;
		for (let i = 0; i < MAX_KEPT + 500; i++) memory.remember(streamInsight(`burst ${i}`), burstStart + i);
		memory.sawEmission(burstStart + MAX_KEPT + 499);
		memory.save();
		expect(memory.size).toBe(MAX_KEPT);
		expect((staticData.seen as string[]).length).toBe(MAX_KEPT);
		expect(memory.has(streamInsight(`burst ${MAX_KEPT + 499}`))).toBe(true);
		expect(memory.has(streamInsight('burst 499'))).toBe(false);
		// About 25 bytes a key.
		expect(JSON.stringify(staticData.seen).length / MAX_KEPT).toBeLessThan(30);
	});

	it('tells apart the same text created twice within one millisecond (µs and ns times), also after a reload', () => {
		const staticData: IDataObject = {};
		const memory = new InsightMemory(staticData);
		memory.remember(restInsight('Twice', '2026-02-05T10:30:00.123456Z'), Date.parse('2026-02-05T10:30:00.123Z'));
		memory.remember(restInsight('Nano', '2026-02-05T10:30:00.123456789Z'), Date.parse('2026-02-05T10:30:00.123Z'));
		memory.save();
		for (const target of [memory, new InsightMemory(JSON.parse(JSON.stringify(staticData)) as IDataObject)]) {
			expect(target.has(restInsight('Twice', '2026-02-05T10:30:00.123456Z'))).toBe(true);
			expect(target.has(restInsight('Twice', '2026-02-05T10:30:00.123457Z'))).toBe(false);
			expect(target.has(restInsight('Nano', '2026-02-05T10:30:00.123456789Z'))).toBe(true);
			expect(target.has(restInsight('Nano', '2026-02-05T10:30:00.12345679Z'))).toBe(false);
		}
	});

	it('reads the ms keys of version 1 static data', () => {
		const old = new InsightMemory({ version: 1, seen: [`${insightKey(streamInsight('Old'))}.${base36(Date.parse('2026-02-05T10:30:00.5Z'))}`], floor: 5 });
		expect(old.floor).toBe(5);
		expect(old.has(streamInsight('Old', '2026-02-05T10:30:00.500Z'))).toBe(true);
		expect(old.has(streamInsight('Old', '2026-02-05T10:31:00Z'))).toBe(false);
	});

	it('ignores static data of another version', () => {
		const memory = new InsightMemory({ version: 99, seen: ['x.y'], floor: 5 });
		expect(memory.size).toBe(0);
		expect(memory.floor).toBeUndefined();
	});
});

describe('insight identities (key and creation tag, computed once per insight)', () => {
	it('carry the content key, the exact creation time and its millisecond', () => {
		const insight = restInsight('Twice', '2026-02-05T10:30:00.123456789Z');
		const identity = insightIdentity(insight);
		expect(identity.key).toBe(insightKey(insight));
		expect([...identity.created].reduce((value, ch) => value * 36n + BigInt(parseInt(ch, 36)), 0n)).toBe(1770287400123456789n);
		expect(identity.createdMs).toBe(Date.parse('2026-02-05T10:30:00.123Z'));
		expect(insightIdentity(streamInsight('No time'))).toEqual({ key: insightKey(streamInsight('No time')), created: '', createdMs: undefined });
	});

	it('answer has/remember as the insights themselves do, also after a reload', () => {
		const staticData: IDataObject = {};
		const memory = new InsightMemory(staticData);
		memory.rememberIdentity(insightIdentity(restInsight('Known', '2026-02-05T10:30:00.123456Z')), Date.parse('2026-02-05T10:30:00.123Z'));
		memory.rememberIdentity(insightIdentity(streamInsight('Timeless')), 1_000);
		memory.save();
		for (const target of [memory, new InsightMemory(JSON.parse(JSON.stringify(staticData)) as IDataObject)]) {
			expect(target.hasIdentity(insightIdentity(restInsight('Known', '2026-02-05T10:30:00.123456Z')))).toBe(true);
			expect(target.has(restInsight('Known', '2026-02-05T10:30:00.123456Z'))).toBe(true);
			expect(target.hasIdentity(insightIdentity(restInsight('Known', '2026-02-05T10:30:00.123457Z')))).toBe(false);
			expect(target.hasIdentity(insightIdentity(streamInsight('Timeless', '2026-02-06T00:00:00Z')))).toBe(true);
		}
		// The stored form is what `remember` writes: the time is left out when it is the creation time's millisecond.
		expect(staticData.seen).toEqual([`${insightKey(streamInsight('Known'))}.${(1770287400123456000n).toString(36)}`, `${insightKey(streamInsight('Timeless'))}..${base36(1_000)}`]);
	});
});
