import { isPlainObject } from './attributes';
import { streamInsight } from './present';
import type { NexStore } from './store';
import { parseRfc3339Ns, PRECISION_NS, rfc3339Ns } from './time';
import {
	CONFIDENCE_LEVELS,
	INSIGHT_TYPES,
	type ConfidenceLevel,
	type Insight,
	type InsightBatch,
	type InsightType,
	type RecordEntity,
} from './types';
import type { Rng } from './random';

/** Building insights (demo ones, caller-supplied partial ones) and the batch envelope. */

export const INSIGHT_TYPE_DESCRIPTIONS: Record<InsightType, string> = {
	opportunity: 'A potential business opportunity',
	risk: 'A potential risk or blocker',
	relationship: 'A relationship between people or organizations',
	preference: 'A stated or observed preference',
	milestone: 'A notable milestone or event',
	activity: 'A recent activity or interaction',
	characteristic: 'A trait or characteristic of the entity',
	role_detail: "Details about a person's role or responsibilities",
};

export function confidenceLevel(confidence: number): ConfidenceLevel {
	if (confidence < 0.5) return 'low';
	if (confidence < 0.75) return 'medium';
	if (confidence < 0.9) return 'high';
	return 'very_high';
}

const TEMPLATES: Record<InsightType, string[]> = {
	opportunity: [
		'{name} asked for a proposal covering 40 more seats next quarter',
		'{name} expects budget approval for the expansion in Q2 🚀',
		'{name} wants a demo of the reporting add-on',
	],
	risk: [
		'{name} mentioned a competing offer that is 15% cheaper',
		'{name} has not replied to the last three follow-ups',
		'Renewal for {name} is blocked on a security review',
	],
	relationship: ['{name} was introduced by a mutual contact at the partner summit', '{name} reports directly to the CFO'],
	preference: ['{name} prefers calls on Tuesday mornings (CET)', '{name} asked to receive invoices as PDF only'],
	milestone: ['{name} closed a Series B round', '{name} signed the pilot agreement — kickoff is next Monday'],
	activity: ['{name} opened the pricing page four times this week', '{name} commented: „Would love to book a demo“'],
	characteristic: ['{name} is detail-oriented and asks for written summaries', '{name} is an early adopter of new tools'],
	role_detail: ['{name} owns the procurement decision for EMEA', '{name} leads the data platform team (12 engineers)'],
};

function toBigInt(value: unknown): bigint | undefined {
	if (typeof value === 'bigint') return value;
	if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
	if (typeof value === 'string' && /^\d+$/.test(value)) return BigInt(value);
	return undefined;
}

/**
 * A complete insight from a partial one; missing parts are made up around a real record. Its
 * creation instant is `at` (ms, or exact ns), or the partial's `created_at`, kept at the configured precision.
 */
export function buildInsight(store: NexStore, partial: Record<string, unknown> = {}, at: number | bigint = store.now()): Insight {
	const rng = store.rng;
	const type = (INSIGHT_TYPES as readonly string[]).includes(partial.type as string)
		? (partial.type as InsightType)
		: rng.pick(INSIGHT_TYPES);
	const givenTarget = isPlainObject(partial.target) ? partial.target : {};
	const givenEntity = 'entity_id' in givenTarget ? toBigInt(givenTarget.entity_id) : undefined;
	const record = givenEntity !== undefined ? store.records.get(givenEntity.toString()) : randomRecord(store, rng);
	const name = record ? store.recordName(record) : 'Acme Corp';
	const entityType = record ? store.objectOf(record).slug : 'company';
	const confidence =
		typeof partial.confidence === 'number' ? partial.confidence : Math.round((0.55 + rng.next() * 0.44) * 100) / 100;
	const level = (CONFIDENCE_LEVELS as readonly string[]).includes(partial.confidence_level as string)
		? (partial.confidence_level as ConfidenceLevel)
		: confidenceLevel(confidence);
	const content = typeof partial.content === 'string' ? partial.content : rng.pick(TEMPLATES[type]).replace('{name}', name);
	const email = record && Array.isArray(record.attributes.email_addresses) ? String(record.attributes.email_addresses[0]) : undefined;
	const target = {
		type: 'entity' as const,
		entity_type: typeof givenTarget.entity_type === 'string' ? givenTarget.entity_type : entityType,
		entity_id: 'entity_id' in givenTarget ? givenEntity : record?.id,
		hint: typeof givenTarget.hint === 'string' ? givenTarget.hint : name,
		signals: Array.isArray(givenTarget.signals)
			? (givenTarget.signals as { type: string; value: string }[])
			: email
				? [{ type: 'email', value: email }]
				: [],
	};
	const given = typeof partial.created_at === 'string' ? parseRfc3339Ns(partial.created_at) : undefined;
	const unit = PRECISION_NS[store.config.timestampPrecision];
	const createdNs = ((given ?? (typeof at === 'bigint' ? at : BigInt(Math.round(at)) * PRECISION_NS.ms)) / unit) * unit;
	const createdMs = Number(createdNs / PRECISION_NS.ms);
	return {
		id: store.ids.next(),
		type,
		type_description: typeof partial.type_description === 'string' ? partial.type_description : INSIGHT_TYPE_DESCRIPTIONS[type],
		content,
		confidence,
		confidence_level: level,
		target,
		evidence: Array.isArray(partial.evidence)
			? (partial.evidence as Insight['evidence'])
			: [{ excerpt: content.length > 80 ? `${content.slice(0, 77)}...` : content, artifact: { type: 'email', subject: `RE: ${name}` } }],
		created_at: rfc3339Ns(createdNs),
		createdMs,
		createdNs,
	};
}

function randomRecord(store: NexStore, rng: Rng): RecordEntity | undefined {
	// Only the first few hundred records: picking stays cheap with bulk-seeded workspaces.
	const candidates: RecordEntity[] = [];
	for (const r of store.records.values()) {
		candidates.push(r);
		if (candidates.length >= 200) break;
	}
	return candidates.length > 0 ? rng.pick(candidates) : undefined;
}

/** The stream's envelope; `emittedAt` is ms, or exact ns (default: now, at the configured precision). */
export function makeBatch(store: NexStore, insights: Insight[], emittedAt: number | bigint = store.instantNs()): InsightBatch {
	const unit = PRECISION_NS[store.config.timestampPrecision];
	const emittedNs = typeof emittedAt === 'bigint' ? emittedAt : BigInt(Math.round(emittedAt)) * PRECISION_NS.ms;
	return {
		workspace: structuredClone(store.workspace),
		insights: insights.map(streamInsight),
		insight_count: insights.length,
		emitted_at: rfc3339Ns((emittedNs / unit) * unit),
	};
}
