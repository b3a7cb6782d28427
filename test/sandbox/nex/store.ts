import { displayName, matchKey } from './attributes';
import { DEFAULT_CONFIG, type NexSandboxConfig } from './config';
import { ApiError } from './http';
import { IdGenerator, OWNER_USER_ID, WORKSPACE_ID } from './ids';
import { Rng } from './random';
import { PRECISION_NS, rfc3339 } from './time';
import type {
	AiListJob,
	Artifact,
	AttributeDef,
	AttributeOptions,
	AttributeType,
	CompoundingJob,
	ConnectFlow,
	CustomRule,
	Insight,
	Integration,
	ListDef,
	ListEntry,
	Note,
	NotificationItem,
	NotificationPreferences,
	ObjectDef,
	ObjectKind,
	RecordEntity,
	RelationshipDef,
	RelationshipInstance,
	Task,
	TimelineEvent,
	WorkspaceInfo,
} from './types';

export const DEFAULT_PREFERENCES: NotificationPreferences = {
	frequency_minutes: 15,
	enabled_types: ['context_alert', 'digest'],
	digest_enabled: true,
};

/** Who the API records as the author of changes made with an API key. */
export const API_ACTOR = { createdBy: 'developer_api', createdById: OWNER_USER_ID.toString() };

/**
 * The state of one sandbox workspace. Maps are keyed by the decimal string of an id; entities keep
 * bigint ids. Everything a route changes lives here, so `reset()` is `clear()` plus a re-seed.
 */
export class NexStore {
	readonly ids = new IdGenerator();
	/** Seeded randomness for demo data (reset with the store). */
	readonly rng = new Rng();
	readonly workspaceId = WORKSPACE_ID;
	readonly workspace: WorkspaceInfo = {
		name: 'Acme Corp',
		slug: 'acme',
		business_info: { name: 'Acme Corp', domain: 'acme.com' },
	};

	readonly objects = new Map<string, ObjectDef>();
	readonly lists = new Map<string, ListDef>();
	readonly records = new Map<string, RecordEntity>();
	/** objectId → record ids in creation order. */
	readonly recordsByObject = new Map<string, Set<string>>();
	/** Unique attribute → match key → record id. */
	private readonly uniqueIndex = new Map<AttributeDef, Map<string, string>>();
	readonly listEntries = new Map<string, ListEntry>();
	/** listId → recordId → entry. */
	readonly entriesByList = new Map<string, Map<string, ListEntry>>();
	readonly relationshipDefs = new Map<string, RelationshipDef>();
	readonly relationships = new Map<string, RelationshipInstance>();
	readonly tasks = new Map<string, Task>();
	readonly notes = new Map<string, Note>();
	/** recordId → events, oldest first. */
	readonly timeline = new Map<string, TimelineEvent[]>();
	readonly artifacts = new Map<string, Artifact>();
	readonly aiListJobs = new Map<string, AiListJob>();
	/** Oldest first. */
	readonly insights: Insight[] = [];
	integrations: Integration[] = [];
	readonly connectFlows = new Map<string, ConnectFlow>();
	readonly compoundingJobs = new Map<string, CompoundingJob>();
	/** Oldest first. */
	readonly notifications: NotificationItem[] = [];
	preferences: NotificationPreferences = structuredClone(DEFAULT_PREFERENCES);
	readonly customRules = new Map<string, CustomRule>();
	/** Make the next N async jobs of a kind end as `failed`. */
	readonly failNext = { artifacts: 0, aiListJobs: 0, compounding: 0 };
	/** key → timestamps of recent connect calls (the documented 10/min limit). */
	readonly connectCalls = new Map<string, number[]>();
	/** Set by the sandbox: called with insights the service itself produced (text processing). */
	onInsights?: (insights: Insight[]) => void;
	private readonly timers = new Set<NodeJS.Timeout>();

	constructor(readonly config: NexSandboxConfig = { ...DEFAULT_CONFIG }) {}

	/** Shifted by `advanceClock` so tests can move time forward instead of sleeping. */
	clockOffsetMs = 0;

	now(): number {
		return Date.now() + this.clockOffsetMs;
	}

	private lastInstantNs = 0n;

	/**
	 * The creation instant of the next insights, ns since the epoch, at the configured precision.
	 * Below ms it comes from the high-resolution clock and moves forward on every call, as a
	 * database's clock does for two writes; at ms precision two calls may share an instant.
	 */
	instantNs(): bigint {
		const unit = PRECISION_NS[this.config.timestampPrecision];
		if (unit === PRECISION_NS.ms) return BigInt(this.now()) * unit;
		const micros = BigInt(Math.floor((performance.timeOrigin + performance.now() + this.clockOffsetMs) * 1000));
		let ns = ((micros * 1000n + (process.hrtime.bigint() % 1000n)) / unit) * unit;
		if (ns <= this.lastInstantNs) ns = this.lastInstantNs + unit;
		this.lastInstantNs = ns;
		return ns;
	}

	clear(): void {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		this.ids.reset();
		this.rng.reset();
		for (const m of [
			this.objects,
			this.lists,
			this.records,
			this.recordsByObject,
			this.uniqueIndex,
			this.listEntries,
			this.entriesByList,
			this.relationshipDefs,
			this.relationships,
			this.tasks,
			this.notes,
			this.timeline,
			this.artifacts,
			this.aiListJobs,
			this.connectFlows,
			this.compoundingJobs,
			this.customRules,
			this.connectCalls,
		] as Map<unknown, unknown>[]) {
			m.clear();
		}
		this.insights.length = 0;
		this.notifications.length = 0;
		this.integrations = [];
		this.preferences = structuredClone(DEFAULT_PREFERENCES);
		this.failNext.artifacts = 0;
		this.failNext.aiListJobs = 0;
		this.failNext.compounding = 0;
		this.clockOffsetMs = 0;
		this.lastInstantNs = 0n;
	}

	/** A timer that does not keep the process alive and dies with `clear()`. */
	schedule(fn: () => void, ms: number): void {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			fn();
		}, ms);
		timer.unref();
		this.timers.add(timer);
	}

	// ---- schema ------------------------------------------------------------------------------

	objectBySlug(slug: string): ObjectDef | undefined {
		for (const o of this.objects.values()) if (o.slug === slug) return o;
		return undefined;
	}

	/** The object, or 404. */
	requireObject(slug: string): ObjectDef {
		const object = this.objectBySlug(slug);
		if (!object) throw new ApiError(404, `object not found: ${slug}`);
		return object;
	}

	newAttribute(
		slug: string,
		name: string,
		type: AttributeType,
		options: Partial<AttributeOptions> = {},
		description = '',
	): AttributeDef {
		return {
			id: this.ids.next(),
			slug,
			name,
			type,
			description,
			options: {
				is_required: options.is_required ?? false,
				is_unique: options.is_unique ?? false,
				is_multi_value: options.is_multi_value ?? false,
				...(options.use_raw_format !== undefined ? { use_raw_format: options.use_raw_format } : {}),
				...(options.is_whole_number !== undefined ? { is_whole_number: options.is_whole_number } : {}),
				...(options.select_options ? { select_options: options.select_options } : {}),
			},
		};
	}

	addObject(
		spec: { slug: string; name: string; namePlural?: string; description?: string; type?: ObjectKind },
		attributes: AttributeDef[],
		ms = this.now(),
	): ObjectDef {
		const object: ObjectDef = {
			id: this.ids.next(),
			slug: spec.slug,
			name: spec.name,
			namePlural: spec.namePlural ?? `${spec.name}s`,
			description: spec.description ?? '',
			type: spec.type ?? 'custom',
			attributes,
			createdAt: rfc3339(ms),
		};
		this.objects.set(object.id.toString(), object);
		this.recordsByObject.set(object.id.toString(), new Set());
		return object;
	}

	deleteObject(object: ObjectDef): void {
		const key = object.id.toString();
		for (const recordId of [...(this.recordsByObject.get(key) ?? [])]) {
			const rec = this.records.get(recordId);
			if (rec) this.deleteRecord(rec);
		}
		for (const list of [...this.lists.values()]) if (list.objectId === object.id) this.deleteList(list);
		for (const def of [...this.relationshipDefs.values()]) {
			if (def.definition1Id === object.id || def.definition2Id === object.id) this.deleteRelationshipDef(def);
		}
		for (const attribute of object.attributes) this.uniqueIndex.delete(attribute);
		this.recordsByObject.delete(key);
		this.objects.delete(key);
	}

	/** Drops an attribute and its values from every record of the object. */
	deleteAttribute(object: ObjectDef, attribute: AttributeDef): void {
		object.attributes = object.attributes.filter((a) => a !== attribute);
		this.uniqueIndex.delete(attribute);
		for (const recordId of this.recordsByObject.get(object.id.toString()) ?? []) {
			const rec = this.records.get(recordId);
			if (rec) delete rec.attributes[attribute.slug];
		}
	}

	// ---- lists --------------------------------------------------------------------------------

	addList(object: ObjectDef, spec: { slug: string; name: string; namePlural?: string; description?: string }, ms = this.now()): ListDef {
		const list: ListDef = {
			id: this.ids.next(),
			objectId: object.id,
			slug: spec.slug,
			name: spec.name,
			namePlural: spec.namePlural ?? spec.name,
			description: spec.description ?? '',
			attributes: [],
			createdAt: rfc3339(ms),
		};
		this.lists.set(list.id.toString(), list);
		this.entriesByList.set(list.id.toString(), new Map());
		return list;
	}

	deleteList(list: ListDef): void {
		for (const entry of this.entriesByList.get(list.id.toString())?.values() ?? []) this.listEntries.delete(entry.id.toString());
		this.entriesByList.delete(list.id.toString());
		this.lists.delete(list.id.toString());
	}

	/** Adds or merges a list entry; writes a `list_item created` timeline event for new ones. */
	upsertListEntry(list: ListDef, record: RecordEntity, attributes: Record<string, unknown>, ms = this.now()): ListEntry {
		const members = this.entriesByList.get(list.id.toString())!;
		const existing = members.get(record.id.toString());
		if (existing) {
			Object.assign(existing.attributes, attributes);
			existing.updatedAt = rfc3339(ms);
			return existing;
		}
		const entry: ListEntry = {
			id: this.ids.next(),
			listId: list.id,
			recordId: record.id,
			attributes: { ...attributes },
			createdAt: rfc3339(ms),
			updatedAt: rfc3339(ms),
		};
		members.set(record.id.toString(), entry);
		this.listEntries.set(entry.id.toString(), entry);
		this.addTimeline(record.id, 'list_item', entry.id.toString(), 'created', { list_item: listItemPayload(entry, list) }, ms);
		return entry;
	}

	removeListEntry(list: ListDef, entry: ListEntry, ms = this.now()): void {
		this.entriesByList.get(list.id.toString())?.delete(entry.recordId.toString());
		this.listEntries.delete(entry.id.toString());
		if (this.records.has(entry.recordId.toString())) {
			this.addTimeline(entry.recordId, 'list_item', entry.id.toString(), 'deleted', { list_item: listItemPayload(entry, list) }, ms);
		}
	}

	// ---- records ------------------------------------------------------------------------------

	objectOf(record: RecordEntity): ObjectDef {
		return this.objects.get(record.objectId.toString())!;
	}

	recordName(record: RecordEntity): string {
		return displayName(record.attributes.name);
	}

	/** Inserts a record whose attributes are already normalised; 400 on a unique-value clash. */
	insertRecord(
		object: ObjectDef,
		attributes: Record<string, unknown>,
		ms = this.now(),
		options: { timeline?: boolean; actor?: string } = {},
	): RecordEntity {
		this.checkUnique(object, attributes);
		const at = rfc3339(ms);
		const record: RecordEntity = { id: this.ids.next(), objectId: object.id, attributes, createdMs: ms, createdAt: at, updatedAt: at };
		const key = record.id.toString();
		this.records.set(key, record);
		this.recordsByObject.get(object.id.toString())!.add(key);
		this.indexUnique(object, key, attributes);
		if (options.timeline !== false) {
			this.addTimeline(record.id, 'entity', key, 'created', { entity: this.entityPayload(record, object, key) }, ms, options.actor, key);
		}
		return record;
	}

	/** Merges normalised attribute changes; null clears. Writes an `entity updated` event with field_changes. */
	updateRecord(record: RecordEntity, changes: Record<string, unknown>, ms = this.now(), actor?: string): void {
		const object = this.objectOf(record);
		this.checkUnique(object, changes, record.id.toString());
		const fieldChanges: { field_name: string; old_value: unknown; new_value: unknown }[] = [];
		for (const [slug, value] of Object.entries(changes)) {
			const old = record.attributes[slug];
			if (matchKey(old) === matchKey(value) && old !== undefined) continue;
			this.unindexUnique(object, record, slug);
			if (value === null) delete record.attributes[slug];
			else record.attributes[slug] = value;
			this.indexUnique(object, record.id.toString(), { [slug]: value });
			fieldChanges.push({ field_name: slug, old_value: old ?? null, new_value: value });
		}
		record.updatedAt = rfc3339(ms);
		if (fieldChanges.length > 0) {
			this.addTimeline(
				record.id,
				'entity',
				record.id.toString(),
				'updated',
				{ entity: this.entityPayload(record), field_changes: fieldChanges },
				ms,
				actor,
			);
		}
	}

	deleteRecord(record: RecordEntity): void {
		const key = record.id.toString();
		const object = this.objectOf(record);
		for (const slug of Object.keys(record.attributes)) this.unindexUnique(object, record, slug);
		this.records.delete(key);
		this.recordsByObject.get(record.objectId.toString())?.delete(key);
		for (const members of this.entriesByList.values()) {
			const entry = members.get(key);
			if (entry) {
				members.delete(key);
				this.listEntries.delete(entry.id.toString());
			}
		}
		for (const rel of [...this.relationships.values()]) {
			if (rel.entity1Id === record.id || rel.entity2Id === record.id) this.relationships.delete(rel.id.toString());
		}
		this.timeline.delete(key);
	}

	/** Records of the object whose `slug` value matches (any element for multi-value attributes). */
	findByAttribute(object: ObjectDef, slug: string, value: unknown): RecordEntity | undefined {
		const wanted = (Array.isArray(value) ? value : [value]).map(matchKey);
		const def = object.attributes.find((a) => a.slug === slug);
		const index = def ? this.uniqueIndex.get(def) : undefined;
		if (index) {
			for (const w of wanted) {
				const id = index.get(w);
				if (id) return this.records.get(id);
			}
			return undefined;
		}
		for (const id of this.recordsByObject.get(object.id.toString()) ?? []) {
			const rec = this.records.get(id)!;
			const stored = rec.attributes[slug];
			const have = (Array.isArray(stored) ? stored : [stored]).map(matchKey);
			if (wanted.some((w) => have.includes(w))) return rec;
		}
		return undefined;
	}

	entityPayload(record: RecordEntity, object = this.objectOf(record), key = record.id.toString()): Record<string, unknown> {
		return {
			id: key,
			definition_id: object.id.toString(),
			type: object.slug,
			name: this.recordName(record),
			attributes: { ...record.attributes },
		};
	}

	private checkUnique(object: ObjectDef, attributes: Record<string, unknown>, selfId?: string): void {
		for (const def of object.attributes) {
			if (!def.options.is_unique) continue;
			const value = attributes[def.slug];
			if (value === undefined || value === null) continue;
			const index = this.uniqueIndex.get(def);
			if (!index) continue;
			for (const v of Array.isArray(value) ? value : [value]) {
				const owner = index.get(matchKey(v));
				if (owner && owner !== selfId) {
					throw new ApiError(400, `value ${JSON.stringify(matchKey(v))} of unique attribute "${def.slug}" already belongs to record ${owner}`);
				}
			}
		}
	}

	private indexUnique(object: ObjectDef, recordKey: string, attributes: Record<string, unknown>): void {
		for (const def of object.attributes) {
			if (!def.options.is_unique) continue;
			const value = attributes[def.slug];
			if (value === undefined || value === null) continue;
			let index = this.uniqueIndex.get(def);
			if (!index) {
				index = new Map();
				this.uniqueIndex.set(def, index);
			}
			if (Array.isArray(value)) for (const v of value) index.set(matchKey(v), recordKey);
			else index.set(matchKey(value), recordKey);
		}
	}

	private unindexUnique(object: ObjectDef, record: RecordEntity, slug: string): void {
		const def = object.attributes.find((a) => a.slug === slug);
		const index = def ? this.uniqueIndex.get(def) : undefined;
		const value = record.attributes[slug];
		if (!index || value === undefined || value === null) return;
		for (const v of Array.isArray(value) ? value : [value]) {
			if (index.get(matchKey(v)) === record.id.toString()) index.delete(matchKey(v));
		}
	}

	// ---- relationships ------------------------------------------------------------------------

	deleteRelationshipDef(def: RelationshipDef): void {
		for (const rel of [...this.relationships.values()]) if (rel.definitionId === def.id) this.relationships.delete(rel.id.toString());
		this.relationshipDefs.delete(def.id.toString());
	}

	// ---- timeline -----------------------------------------------------------------------------

	addTimeline(
		recordId: bigint,
		resourceType: TimelineEvent['resourceType'],
		resourceId: string,
		eventType: TimelineEvent['eventType'],
		payload: Record<string, unknown>,
		ms = this.now(),
		actor: string = API_ACTOR.createdBy,
		recordKey = recordId.toString(),
	): TimelineEvent {
		const event: TimelineEvent = {
			id: this.ids.next(),
			recordId,
			resourceType,
			resourceId,
			eventType,
			payload,
			timestamp: rfc3339(ms),
			createdBy: actor,
			createdById: API_ACTOR.createdById,
		};
		let events = this.timeline.get(recordKey);
		if (!events) {
			events = [];
			this.timeline.set(recordKey, events);
		}
		events.push(event);
		return event;
	}

	// ---- insights -----------------------------------------------------------------------------

	/** Stores insights (kept in creation order) and returns them. */
	storeInsights(insights: Insight[]): Insight[] {
		for (const insight of insights) {
			let i = this.insights.length;
			while (i > 0 && this.insights[i - 1].createdNs > insight.createdNs) i--;
			this.insights.splice(i, 0, insight);
		}
		return insights;
	}
}

export function listItemPayload(entry: ListEntry, list: ListDef): Record<string, unknown> {
	return {
		id: entry.id.toString(),
		definition_id: list.id.toString(),
		list_name: list.name,
		parent_id: entry.recordId.toString(),
	};
}
