/** The sandbox's stored entities. Ids the API types as integers are kept as bigint. */

export const ATTRIBUTE_TYPES = [
	'text',
	'number',
	'email',
	'phone',
	'url',
	'date',
	'boolean',
	'currency',
	'location',
	'select',
	'social_profile',
	'domain',
	'full_name',
] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export interface SelectOption {
	id: string;
	name: string;
}

export interface AttributeOptions {
	is_required: boolean;
	is_unique: boolean;
	is_multi_value: boolean;
	use_raw_format?: boolean;
	is_whole_number?: boolean;
	select_options?: SelectOption[];
}

export interface AttributeDef {
	id: bigint;
	slug: string;
	name: string;
	type: AttributeType;
	description: string;
	options: AttributeOptions;
}

export type ObjectKind = 'person' | 'company' | 'custom' | 'deal';

export interface ObjectDef {
	id: bigint;
	slug: string;
	name: string;
	namePlural: string;
	description: string;
	type: ObjectKind;
	attributes: AttributeDef[];
	createdAt: string;
}

export interface ListDef {
	id: bigint;
	objectId: bigint;
	slug: string;
	name: string;
	namePlural: string;
	description: string;
	attributes: AttributeDef[];
	createdAt: string;
}

export interface RecordEntity {
	id: bigint;
	objectId: bigint;
	attributes: Record<string, unknown>;
	createdMs: number;
	createdAt: string;
	updatedAt: string;
}

export interface ListEntry {
	id: bigint;
	listId: bigint;
	recordId: bigint;
	attributes: Record<string, unknown>;
	createdAt: string;
	updatedAt: string;
}

export type RelationshipType = 'one_to_one' | 'one_to_many' | 'many_to_many';

export interface RelationshipDef {
	id: bigint;
	type: RelationshipType;
	definition1Id: bigint;
	definition2Id: bigint;
	predicate12?: string;
	predicate21?: string;
	createdAt: string;
}

export interface RelationshipInstance {
	id: bigint;
	definitionId: bigint;
	entity1Id: bigint;
	entity2Id: bigint;
	createdAt: string;
}

export const TASK_PRIORITIES = ['unspecified', 'low', 'medium', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export interface Task {
	id: bigint;
	title: string;
	description?: string;
	priority: TaskPriority;
	dueDate?: string;
	isCompleted: boolean;
	completedAt?: string;
	assigneeIds: string[];
	entityIds: string[];
	createdBy: string;
	createdById: string;
	createdMs: number;
	createdAt: string;
	archivedAt?: string;
}

export interface Note {
	id: bigint;
	title: string;
	content?: string;
	entityId?: string;
	createdBy: string;
	createdMs: number;
	createdAt: string;
	archivedAt?: string;
}

export type TimelineResourceType = 'entity' | 'task' | 'note' | 'list_item' | 'attribute';
export type TimelineEventType = 'created' | 'updated' | 'deleted' | 'archived';

export interface TimelineEvent {
	id: bigint;
	recordId: bigint;
	resourceType: TimelineResourceType;
	resourceId: string;
	eventType: TimelineEventType;
	payload: Record<string, unknown>;
	timestamp: string;
	createdBy: string;
	createdById: string;
}

export const INSIGHT_TYPES = [
	'opportunity',
	'risk',
	'relationship',
	'preference',
	'milestone',
	'activity',
	'characteristic',
	'role_detail',
] as const;
export type InsightType = (typeof INSIGHT_TYPES)[number];

export const CONFIDENCE_LEVELS = ['low', 'medium', 'high', 'very_high'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

export interface InsightTarget {
	type: 'entity';
	entity_type: string;
	/** Record id (raw number literal above 2^53 on the wire). */
	entity_id?: bigint;
	hint: string;
	signals: { type: string; value: string }[];
}

export interface InsightEvidence {
	excerpt: string;
	artifact: { type: string; subject?: string };
}

/**
 * An insight as the stream carries it (no id there). `id` and `created_at` are the sandbox's own
 * bookkeeping: `GET /v1/insights` exposes them, the stream leaves the id out.
 */
export interface Insight {
	id: bigint;
	type: InsightType;
	type_description: string;
	content: string;
	confidence: number;
	confidence_level: ConfidenceLevel;
	target: InsightTarget;
	evidence: InsightEvidence[];
	created_at: string;
	createdMs: number;
	/** Exact creation instant (ns since the epoch) at the configured precision; `created_at` writes it. */
	createdNs: bigint;
}

/** The JSON of one `insight.batch.created` (or batched `insight.replay`) event. */
export interface InsightBatch {
	workspace: WorkspaceInfo;
	insights: StreamInsight[];
	insight_count: number;
	emitted_at: string;
}

export type StreamInsight = Omit<Insight, 'id' | 'createdMs' | 'createdNs'>;

export interface WorkspaceInfo {
	name: string;
	slug: string;
	business_info: { name: string; domain: string };
}

export interface ExtractedEntity {
	type: 'PERSON' | 'COMPANY';
	context_id: bigint;
	canonical_entity_id: bigint;
	properties: Record<string, unknown>;
	previous_properties?: Record<string, unknown>;
	is_new: boolean;
}

export interface Artifact {
	id: bigint;
	operationId: bigint;
	content: string;
	context?: string;
	createdMs: number;
	createdAt: string;
	durationMs: number;
	fail: boolean;
	finalized: boolean;
	completedAt?: string;
	extracted?: ExtractedEntity[];
	counts?: { created: number; updated: number; relationships: number; insights: number };
}

export interface AiListJob {
	id: string;
	query: string;
	objectType: 'contact' | 'company';
	limit: number;
	includeAttributes: boolean;
	createdMs: number;
	createdAt: string;
	durationMs: number;
	fail: boolean;
	/** Fixed when the job completes. */
	result?: { entities: AiListEntity[]; interpretation: string };
}

export interface AiListEntity {
	id: string;
	name: string;
	type: 'contact' | 'company';
	reason: string;
	highlights: string[];
	attributes: Record<string, unknown>;
}

export const INTEGRATION_TYPES = ['email', 'calendar', 'messaging', 'crm'] as const;
export const INTEGRATION_PROVIDERS = ['google', 'microsoft', 'slack', 'attio', 'hubspot', 'salesforce'] as const;

export interface Connection {
	id: bigint;
	status: string;
	identifier: string;
}

export interface Integration {
	type: string;
	provider: string;
	displayName: string;
	description: string;
	connections: Connection[];
}

export interface ConnectFlow {
	connectId: string;
	type: string;
	provider: string;
	createdMs: number;
	/** Set once the (simulated) user finished the OAuth consent. */
	connectionId?: bigint;
	/** Finished early through the control API. */
	forcedConnected?: boolean;
}

export const COMPOUNDING_JOB_TYPES = [
	'consolidation',
	'pattern_detection',
	'playbook_synthesis',
	'decay_sweep',
	'metrics',
] as const;
export type CompoundingJobType = (typeof COMPOUNDING_JOB_TYPES)[number];

export interface CompoundingJob {
	id: string;
	jobType: CompoundingJobType;
	dryRun: boolean;
	createdMs: number;
	durationMs: number;
	fail: boolean;
}

export interface NotificationItem {
	id: string;
	type: string;
	status: string;
	alertMs: number;
	sentMs: number;
	content: { important_items: Record<string, unknown>[]; entity_changes: Record<string, unknown>[] };
}

export interface NotificationPreferences {
	frequency_minutes: number;
	enabled_types: string[];
	digest_enabled: boolean;
}

export interface CustomRule {
	id: bigint;
	name: string;
	prompt: string;
	isEnabled: boolean;
	schedule: string;
	createdAt: string;
}
