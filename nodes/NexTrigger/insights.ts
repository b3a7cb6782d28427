import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { parseJsonKeepingIds } from '../shared/losslessJson';
import { copyJson } from './copyJson';

/** Insight events, filters and output items of the Nex Trigger. */

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

export const CONFIDENCE_LEVELS = ['low', 'medium', 'high', 'very_high'] as const;

export const BATCH_EVENT = 'insight.batch.created';
export const REPLAY_EVENT = 'insight.replay';
/** `event` of items recovered with `GET /v1/insights` after a reconnect or restart. */
export const GAP_FILL_EVENT = 'gap_fill';
/** `event` of items from "Listen for event" with the most recent insights. */
export const RECENT_EVENT = 'recent';

export interface InsightFilters {
	/** Empty: every type. */
	types: string[];
	/** '' or one of CONFIDENCE_LEVELS. */
	minConfidence: string;
	/** Lower case; empty: every entity type. */
	entityTypes: string[];
}

export interface InsightBatch {
	insights: IDataObject[];
	workspace?: IDataObject;
	emittedAt?: string;
}

/**
 * The data of an insight event: the envelope `{workspace, insights, insight_count, emitted_at}`,
 * or (an older guide's simplified replay) a bare insight or array of insights. Ids stay exact.
 */
export function parseInsightEvent(data: string): InsightBatch | undefined {
	const value = parseJsonKeepingIds(data);
	const isObject = (v: unknown): v is IDataObject => v !== null && typeof v === 'object' && !Array.isArray(v);
	if (Array.isArray(value)) return { insights: value.filter(isObject) };
	if (!isObject(value)) return undefined;
	if (Array.isArray(value.insights)) {
		const batch: InsightBatch = { insights: (value.insights as unknown[]).filter(isObject) };
		if (isObject(value.workspace)) batch.workspace = value.workspace;
		if (typeof value.emitted_at === 'string') batch.emittedAt = value.emitted_at;
		return batch;
	}
	if (typeof value.content === 'string' || typeof value.type === 'string') return { insights: [value] };
	return undefined;
}

function entityTypeOf(insight: IDataObject): string | undefined {
	const target = insight.target as IDataObject | undefined;
	if (target && typeof target === 'object' && typeof target.entity_type === 'string') return target.entity_type;
	const entities = insight.entities as IDataObject[] | undefined;
	if (Array.isArray(entities) && entities[0] && typeof entities[0].type === 'string') return entities[0].type;
	return undefined;
}

export function passesFilters(insight: IDataObject, filters: InsightFilters): boolean {
	if (filters.types.length > 0 && !filters.types.includes(String(insight.type))) return false;
	if (filters.minConfidence !== '') {
		const level = CONFIDENCE_LEVELS.indexOf(insight.confidence_level as (typeof CONFIDENCE_LEVELS)[number]);
		if (level < CONFIDENCE_LEVELS.indexOf(filters.minConfidence as (typeof CONFIDENCE_LEVELS)[number])) return false;
	}
	if (filters.entityTypes.length > 0) {
		const entityType = entityTypeOf(insight);
		if (entityType === undefined || !filters.entityTypes.includes(entityType.toLowerCase())) return false;
	}
	return true;
}

/**
 * One output item: the insight, with its batch's workspace and emission time, and where it came from.
 * The workspace is copied: gap-filled items take it from the trigger's memory, which n8n keeps in
 * the workflow's static data as an observable proxy; n8n 2.x's expression engine cannot read
 * proxies in item data (`$('Nex Trigger').item` would come back empty).
 */
export function insightItem(
	insight: IDataObject,
	workspace: IDataObject | undefined,
	emittedAt: string | undefined,
	event: string,
): INodeExecutionData {
	return {
		json: {
			...insight,
			workspace: workspace ? copyJson(workspace) : null,
			emitted_at: emittedAt ?? (typeof insight.created_at === 'string' ? insight.created_at : null),
			event,
		},
	};
}
