import type { IDataObject } from 'n8n-workflow';

/**
 * Insights in whichever shape `GET /v1/insights` answers: the spec's `{data: [...]}`, the
 * stream envelope `{workspace, insights: [...], insight_count, emitted_at}` that the vendor's
 * clients read, or a bare array.
 */
export function insightsOf(answer: unknown): IDataObject[] {
	if (Array.isArray(answer)) return answer as IDataObject[];
	if (!answer || typeof answer !== 'object') return [];
	const object = answer as IDataObject;
	if (Array.isArray(object.data)) return object.data as IDataObject[];
	if (Array.isArray(object.insights)) return object.insights as IDataObject[];
	return [];
}

function firstObject(value: unknown): IDataObject | undefined {
	if (!Array.isArray(value)) return undefined;
	const first = value[0] as unknown;
	return first && typeof first === 'object' ? (first as IDataObject) : undefined;
}

/**
 * The fields a workflow usually needs from an insight, whichever format it came in: the REST
 * format names its record under `entities`, the stream format under `target`.
 */
export function simplifyInsight(insight: IDataObject): IDataObject {
	const target = insight.target && typeof insight.target === 'object' ? (insight.target as IDataObject) : undefined;
	const entity = firstObject(insight.entities);
	const simplified: IDataObject = {
		id: insight.id,
		type: insight.type,
		content: insight.content,
		confidence: insight.confidence,
		confidence_level: insight.confidence_level,
		entity_id: target?.entity_id ?? entity?.id,
		entity_type: target?.entity_type ?? entity?.type,
		entity_name: target?.hint ?? entity?.name,
		created_at: insight.created_at,
	};
	for (const key of Object.keys(simplified)) if (simplified[key] === undefined) delete simplified[key];
	return simplified;
}
