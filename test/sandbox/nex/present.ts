import { ApiError } from './http';
import type { NexStore } from './store';
import type {
	AttributeDef,
	Insight,
	ListDef,
	ListEntry,
	Note,
	ObjectDef,
	RecordEntity,
	RelationshipDef,
	RelationshipInstance,
	StreamInsight,
	Task,
	TimelineEvent,
} from './types';

/** Entities → the JSON the API answers (ids the spec types as strings become strings). */

export function presentAttribute(attribute: AttributeDef): Record<string, unknown> {
	return {
		id: attribute.id.toString(),
		slug: attribute.slug,
		type: attribute.type,
		name: attribute.name,
		description: attribute.description,
		options: { ...attribute.options, select_options: attribute.options.select_options?.map((o) => ({ ...o })) },
	};
}

export function presentObject(object: ObjectDef, includeAttributes = true): Record<string, unknown> {
	return {
		id: object.id.toString(),
		slug: object.slug,
		name: object.name,
		name_plural: object.namePlural,
		type: object.type,
		description: object.description,
		created_at: object.createdAt,
		attributes: includeAttributes ? object.attributes.map(presentAttribute) : undefined,
	};
}

/** A list is an object definition of type "list". */
export function presentList(list: ListDef, includeAttributes = true): Record<string, unknown> {
	return {
		id: list.id.toString(),
		slug: list.slug,
		name: list.name,
		name_plural: list.namePlural,
		type: 'list',
		description: list.description,
		created_at: list.createdAt,
		attributes: includeAttributes ? list.attributes.map(presentAttribute) : undefined,
	};
}

/** Which attributes a list-records call returns: "all", "primary", "none" or custom slugs. */
export type AttributeSelection = { mode: 'all' | 'primary' | 'none' } | { mode: 'custom'; slugs: string[] };

export function parseAttributeSelection(value: unknown, object: ObjectDef): AttributeSelection {
	if (value === undefined) return { mode: 'all' };
	if (value === 'all' || value === 'primary' || value === 'none') return { mode: value };
	if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
		const v = value as Record<string, unknown>;
		if (v.mode !== 'custom') throw new ApiError(400, 'attributes.mode must be "custom"');
		if (!Array.isArray(v.slugs) || v.slugs.length === 0 || v.slugs.some((s) => typeof s !== 'string')) {
			throw new ApiError(400, 'attributes.slugs must be a non-empty array of attribute slugs');
		}
		for (const slug of v.slugs as string[]) {
			if (!object.attributes.some((a) => a.slug === slug)) {
				throw new ApiError(400, `unknown attribute "${slug}" for object "${object.slug}"`);
			}
		}
		return { mode: 'custom', slugs: v.slugs as string[] };
	}
	throw new ApiError(400, 'attributes must be "all", "primary", "none" or {"mode": "custom", "slugs": [...]}');
}

function selectAttributes(attributes: Record<string, unknown>, selection: AttributeSelection): Record<string, unknown> {
	switch (selection.mode) {
		case 'all':
			return { ...attributes };
		case 'none':
			return {};
		case 'primary':
			return attributes.name === undefined ? {} : { name: attributes.name };
		case 'custom': {
			const out: Record<string, unknown> = {};
			for (const slug of selection.slugs) if (attributes[slug] !== undefined) out[slug] = attributes[slug];
			return out;
		}
	}
}

export function presentRecord(
	store: NexStore,
	record: RecordEntity,
	selection: AttributeSelection = { mode: 'all' },
	extraAttributes?: Record<string, unknown>,
): Record<string, unknown> {
	const object = store.objectOf(record);
	return {
		id: record.id.toString(),
		object_id: object.id.toString(),
		type: object.slug,
		workspace_id: store.workspaceId.toString(),
		created_at: record.createdAt,
		updated_at: record.updatedAt,
		attributes: selectAttributes({ ...record.attributes, ...extraAttributes }, selection),
	};
}

/** A list member: the entry's own id, the list as object, record and list attributes merged. */
export function presentListEntry(store: NexStore, entry: ListEntry, list: ListDef): Record<string, unknown> {
	const record = store.records.get(entry.recordId.toString())!;
	return {
		id: entry.id.toString(),
		object_id: list.id.toString(),
		type: store.objectOf(record).slug,
		workspace_id: store.workspaceId.toString(),
		created_at: entry.createdAt,
		updated_at: entry.updatedAt,
		parent_id: record.id.toString(),
		attributes: { ...record.attributes, ...entry.attributes },
	};
}

export function presentRelationshipDef(def: RelationshipDef): Record<string, unknown> {
	return {
		id: def.id.toString(),
		type: def.type,
		entity_definition_1_id: def.definition1Id.toString(),
		entity_definition_2_id: def.definition2Id.toString(),
		entity_1_to_2_predicate: def.predicate12,
		entity_2_to_1_predicate: def.predicate21,
		created_at: def.createdAt,
	};
}

export function presentRelationship(rel: RelationshipInstance): Record<string, unknown> {
	return {
		id: rel.id.toString(),
		definition_id: rel.definitionId.toString(),
		entity_1_id: rel.entity1Id.toString(),
		entity_2_id: rel.entity2Id.toString(),
		created_at: rel.createdAt,
	};
}

export function presentTask(task: Task): Record<string, unknown> {
	return {
		id: task.id.toString(),
		title: task.title,
		description: task.description,
		priority: task.priority,
		due_date: task.dueDate,
		is_completed: task.isCompleted,
		completed_at: task.completedAt,
		assignee_ids: [...task.assigneeIds],
		entity_ids: [...task.entityIds],
		created_by: task.createdBy,
		created_by_id: task.createdById,
		created_at: task.createdAt,
		archived_at: task.archivedAt,
	};
}

export function taskPayload(task: Task): Record<string, unknown> {
	return {
		id: task.id.toString(),
		title: task.title,
		due_date: task.dueDate,
		priority: task.priority,
		completed_at: task.completedAt,
	};
}

export function presentNote(note: Note): Record<string, unknown> {
	return {
		id: note.id.toString(),
		title: note.title,
		content: note.content,
		entity_id: note.entityId,
		created_by: note.createdBy,
		created_at: note.createdAt,
		archived_at: note.archivedAt,
	};
}

export function notePayload(note: Note): Record<string, unknown> {
	return { id: note.id.toString(), title: note.title, content: note.content };
}

export function presentTimelineEvent(event: TimelineEvent): Record<string, unknown> {
	return {
		id: event.id.toString(),
		resource_type: event.resourceType,
		resource_id: event.resourceId,
		event_type: event.eventType,
		event_payload: event.payload,
		event_timestamp: event.timestamp,
		created_by: event.createdBy,
		created_by_id: event.createdById,
		is_aggregated: false,
		children: [],
	};
}

/** An insight as the stream sends it: no id; entity ids inside stay raw integers. */
export function streamInsight(insight: Insight): StreamInsight {
	return {
		type: insight.type,
		type_description: insight.type_description,
		content: insight.content,
		confidence: insight.confidence,
		confidence_level: insight.confidence_level,
		target: { ...insight.target, signals: insight.target.signals.map((s) => ({ ...s })) },
		evidence: insight.evidence.map((e) => ({ excerpt: e.excerpt, artifact: { ...e.artifact } })),
		created_at: insight.created_at,
	};
}

/** An insight as `GET /v1/insights` answers it: the spec's InsightResponse plus the stream's fields. */
export function restInsight(store: NexStore, insight: Insight): Record<string, unknown> {
	return {
		id: insight.id.toString(),
		workspace_id: store.workspaceId.toString(),
		content: insight.content,
		type: insight.type,
		entities:
			insight.target.entity_id !== undefined
				? [{ id: insight.target.entity_id.toString(), name: insight.target.hint, type: insight.target.entity_type }]
				: [],
		created_at: insight.created_at,
		type_description: insight.type_description,
		confidence: insight.confidence,
		confidence_level: insight.confidence_level,
		target: streamInsight(insight).target,
		evidence: streamInsight(insight).evidence,
	};
}
