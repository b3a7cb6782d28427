import type { IDataObject } from 'n8n-workflow';

import { msOf, timestampNs } from './timestamps';

/**
 * What the trigger remembers between connections and restarts (the workflow's static data), so
 * an insight reaches the workflow once although the stream replays recent insights on every
 * connect and the gap fill after a reconnect overlaps what was already emitted.
 *
 * Insights carry no id on the stream, so each gets a key derived from its content: its type,
 * its text and the name of the entity it is about (`target.hint` on the stream, `entities[0].name`
 * in `GET /v1/insights`, which is the same value). Its creation time, when the insight has one,
 * tells apart the same text said again later; an insight without a creation time matches any.
 * Creation times are kept exact (ns, as the server wrote them): two insights of one millisecond
 * stay two.
 *
 * Bounds: the keys of the last MIN_KEPT insights are always kept (the stream replays up to 20),
 * older ones only while they are within OVERLAP_MS of the newest emission seen (the window the gap
 * fill asks for again), and never more than MAX_KEPT in total (about 26 bytes each).
 */

/** How far before the newest emission the gap fill asks again (insights are created before they are emitted). */
export const OVERLAP_MS = 30_000;
export const MIN_KEPT = 200;
export const MAX_KEPT = 3_000;

/** Version 2 keeps creation times in ns; version 1 kept ms (read and converted). */
const STATE_VERSION = 2;
const MS_STATE_VERSION = 1;

/** 53-bit string hash (cyrb53): short keys for static data; collisions among a few thousand keys are negligible. */
function hash53(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return base36(4294967296 * (2097151 & h2) + (h1 >>> 0));
}

const BASE36_SPLIT = 60_466_176; // 36^5: both halves stay small integers

/**
 * Base 36 of a non-negative integer below 2^53. `Number#toString(36)` takes a slow path for
 * values beyond small integers (about 4 µs each), which showed at a thousand insights a second.
 */
export function base36(value: number): string {
	if (value < BASE36_SPLIT) return value.toString(36);
	const high = Math.floor(value / BASE36_SPLIT);
	const low = value - high * BASE36_SPLIT;
	return high.toString(36) + low.toString(36).padStart(5, '0');
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value);
}

/** The entity an insight is about, in both the stream's and the REST shape. */
export function insightSubject(insight: IDataObject): string {
	const target = insight.target as IDataObject | undefined;
	if (target && typeof target === 'object' && text(target.hint) !== '') return text(target.hint);
	const entities = insight.entities as IDataObject[] | undefined;
	if (Array.isArray(entities) && entities[0] && typeof entities[0] === 'object') return text(entities[0].name);
	return '';
}

/** Stable content key of an insight (without its time). */
export function insightKey(insight: IDataObject): string {
	return hash53(`${text(insight.type)}\u0000${text(insight.content)}\u0000${insightSubject(insight)}`);
}

/** A non-negative bigint written in base 36 (bigint has no parser for it). */
function bigintOfBase36(text: string): bigint {
	let value = 0n;
	for (const ch of text) value = value * 36n + BigInt(parseInt(ch, 36) || 0);
	return value;
}

/** What the memory knows an insight by: its content key and its exact creation time. */
export interface InsightIdentity {
	key: string;
	/** Creation time (ns, base 36), '' when the insight has none. */
	created: string;
	/** The creation time's millisecond (rounded down), when it has one. */
	createdMs: number | undefined;
}

/** An insight's identity, computed once for both `hasIdentity` and `rememberIdentity` (the stream's per-event path). */
export function insightIdentity(insight: IDataObject): InsightIdentity {
	const ns = timestampNs(insight.created_at);
	return { key: insightKey(insight), created: ns === undefined ? '' : ns.toString(36), createdMs: ns === undefined ? undefined : msOf(ns) };
}

interface Entry {
	key: string;
	/** Creation time of the insight (ns in base 36), '' when it had none. */
	created: string;
	/** When it was emitted or created, for pruning. */
	ms: number;
}

export interface TriggerStateData extends IDataObject {
	version: number;
	/** Newest `emitted_at` seen (ms). */
	newestEmittedAt?: number;
	/** No insight created before this (ms) is emitted by a gap fill: the first activation. */
	floor?: number;
	/**
	 * When the first activation began (ms, n8n's clock), while no connection has set the floor
	 * yet: insights created from then on must not be lost to a first connection that failed or
	 * to a restart before it.
	 */
	activatedAt?: number;
	/** Keys of emitted insights, oldest first: `key.created.ms` (base 36; created in ns, '' when unknown). */
	seen?: string[];
	/** The workspace of the last batch, for gap-filled items whose answer has none. */
	workspace?: IDataObject;
}

/** The trigger's memory; `save()` writes it back to the object it was loaded from. */
export class InsightMemory {
	private readonly entries: Entry[] = [];

	/** The same entries as stored in static data (kept in step, so saving costs nothing per key). */
	private readonly serialized: string[] = [];

	/** key → creation tags seen for it ('' = unknown). */
	private readonly index = new Map<string, Map<string, number>>();

	newestEmittedAt: number | undefined;

	floor: number | undefined;

	activatedAt: number | undefined;

	workspace: IDataObject | undefined;

	constructor(private readonly target?: IDataObject) {
		const data = target as Partial<TriggerStateData> | undefined;
		if (!data || (data.version !== STATE_VERSION && data.version !== MS_STATE_VERSION)) return;
		const inMs = data.version === MS_STATE_VERSION;
		if (typeof data.newestEmittedAt === 'number') this.newestEmittedAt = data.newestEmittedAt;
		if (typeof data.floor === 'number') this.floor = data.floor;
		if (typeof data.activatedAt === 'number') this.activatedAt = data.activatedAt;
		if (data.workspace && typeof data.workspace === 'object') this.workspace = data.workspace;
		for (const raw of Array.isArray(data.seen) ? data.seen : []) {
			const [key, created, ms] = String(raw).split('.');
			if (!key) continue;
			const createdMs = created ? parseInt(created, 36) : undefined;
			// Version 1 wrote ms: a whole-ms creation time in ns is the closest reading of it.
			const tag = inMs && createdMs !== undefined ? (BigInt(createdMs) * 1_000_000n).toString(36) : (created ?? '');
			const time = ms !== undefined ? parseInt(ms, 36) : tag !== '' ? msOf(bigintOfBase36(tag)) : 0;
			this.add({ key, created: tag, ms: Number.isNaN(time) ? 0 : time });
		}
	}

	get size(): number {
		return this.entries.length;
	}

	/** Whether this insight was emitted already. */
	has(insight: IDataObject): boolean {
		return this.hasIdentity(insightIdentity(insight));
	}

	hasIdentity({ key, created }: InsightIdentity): boolean {
		const tags = this.index.get(key);
		if (!tags) return false;
		if (created === '') return true;
		return tags.has(created) || tags.has('');
	}

	/** Records an emitted insight; `ms` is its creation or emission time. */
	remember(insight: IDataObject, ms: number): void {
		this.rememberIdentity(insightIdentity(insight), ms);
	}

	rememberIdentity({ key, created, createdMs }: InsightIdentity, ms: number): void {
		this.add({ key, created, ms: Math.floor(ms) }, createdMs);
	}

	/** Notes the newest `emitted_at` seen. */
	sawEmission(ms: number | undefined): void {
		if (ms !== undefined && (this.newestEmittedAt === undefined || ms > this.newestEmittedAt)) this.newestEmittedAt = ms;
	}

	/** Where the next gap fill starts (ms), or undefined before anything was seen. */
	gapFillFrom(): number | undefined {
		const newest = this.newestEmittedAt ?? this.floor;
		if (newest === undefined) return undefined;
		const from = newest - OVERLAP_MS;
		return this.floor !== undefined ? Math.max(from, this.floor) : from;
	}

	/** Drops keys no replay or gap fill can bring back any more (see the bounds above). */
	prune(): void {
		const horizon = (this.newestEmittedAt ?? 0) - OVERLAP_MS;
		let drop = 0;
		while (this.entries.length - drop > MAX_KEPT) drop++;
		while (this.entries.length - drop > MIN_KEPT && this.entries[drop].ms < horizon) drop++;
		// One at a time from the front: V8 trims an array's start in place on shift(), where
		// splice(0, n) moves the whole array, which showed on the stream's every event once full.
		for (let i = 0; i < drop; i++) {
			this.serialized.shift();
			const entry = this.entries.shift();
			if (!entry) break;
			const tags = this.index.get(entry.key);
			if (!tags) continue;
			const count = (tags.get(entry.created) ?? 1) - 1;
			if (count > 0) tags.set(entry.created, count);
			else tags.delete(entry.created);
			if (tags.size === 0) this.index.delete(entry.key);
		}
	}

	/** Writes the memory into the static data object it was loaded from. */
	save(): void {
		if (!this.target) return;
		this.prune();
		const data = this.target as TriggerStateData;
		data.version = STATE_VERSION;
		data.seen = this.serialized;
		if (this.newestEmittedAt !== undefined) data.newestEmittedAt = this.newestEmittedAt;
		if (this.floor !== undefined) data.floor = this.floor;
		if (this.activatedAt !== undefined) data.activatedAt = this.activatedAt;
		else delete data.activatedAt;
		if (this.workspace !== undefined) data.workspace = this.workspace;
	}

	/** `createdMs`: the creation time's millisecond when the caller knows it (else read from the tag). */
	private add(entry: Entry, createdMs?: number): void {
		this.entries.push(entry);
		// The time is left out when it is the creation time's millisecond.
		const implied = entry.created === '' ? undefined : (createdMs ?? msOf(bigintOfBase36(entry.created)));
		this.serialized.push(implied === entry.ms ? `${entry.key}.${entry.created}` : `${entry.key}.${entry.created}.${base36(entry.ms)}`);
		let tags = this.index.get(entry.key);
		if (!tags) {
			tags = new Map();
			this.index.set(entry.key, tags);
		}
		tags.set(entry.created, (tags.get(entry.created) ?? 0) + 1);
	}
}
