import { displayName } from '../attributes';
import { finalizeArtifact } from '../extract';
import { ApiError, ok } from '../http';
import { isInt64String } from '../ids';
import type { Ctx, RouteDef } from '../router';
import type { NexStore } from '../store';
import { rfc3339 } from '../time';
import type { AiListEntity, AiListJob, Artifact, RecordEntity } from '../types';
import { optBool, optInt, optString, queryBool, reqString } from '../validate';

/**
 * Context (AI): add text → `{artifact_id}` processed pending → processing → completed over
 * `artifactProcessingMs`; ask; AI list jobs (pending → processing → completed over `jobDurationMs`).
 */

/** pending for the first third, processing until the end, then the final state. */
export function phase(createdMs: number, durationMs: number, now: number): 0 | 1 | 2 {
	const elapsed = now - createdMs;
	if (elapsed >= durationMs) return 2;
	return elapsed < durationMs / 3 ? 0 : 1;
}

function addText(ctx: Ctx) {
	const body = ctx.body();
	const content = reqString(body, 'content');
	const context = optString(body, 'context');
	const store = ctx.store;
	const fail = store.failNext.artifacts > 0;
	if (fail) store.failNext.artifacts--;
	const artifact: Artifact = {
		id: store.ids.next(),
		operationId: store.ids.next(),
		content,
		context,
		createdMs: ctx.now,
		createdAt: rfc3339(ctx.now),
		durationMs: store.config.artifactProcessingMs,
		fail,
		finalized: false,
	};
	store.artifacts.set(artifact.id.toString(), artifact);
	store.schedule(() => finalizeArtifact(store, artifact), artifact.durationMs);
	return ok({ artifact_id: artifact.id });
}

export function presentArtifact(store: NexStore, artifact: Artifact, now: number): Record<string, unknown> {
	const p = phase(artifact.createdMs, artifact.durationMs, now);
	const base = { operation_id: artifact.operationId, created_at: artifact.createdAt };
	if (p === 0) return { ...base, status: 'pending' };
	if (p === 1) return { ...base, status: 'processing' };
	finalizeArtifact(store, artifact, now);
	if (artifact.fail) {
		return { ...base, status: 'failed', error: 'text processing failed: the extraction model returned no usable result', completed_at: artifact.completedAt };
	}
	const counts = artifact.counts!;
	return {
		...base,
		status: 'completed',
		completed_at: artifact.completedAt,
		result: {
			entities_extracted: artifact.extracted,
			entities_created: counts.created,
			entities_updated: counts.updated,
			relationships_created: counts.relationships,
			insights_created: counts.insights,
			tasks_suggested: 0,
		},
	};
}

function getArtifact(ctx: Ctx) {
	const raw = ctx.params.artifact_id;
	if (!isInt64String(raw)) throw new ApiError(400, 'invalid artifact ID');
	const artifact = ctx.store.artifacts.get(BigInt(raw).toString());
	if (!artifact) throw new ApiError(404, `artifact not found: ${raw}`);
	return ok(presentArtifact(ctx.store, artifact, ctx.now));
}

const STOPWORDS = new Set(
	'a an and are about all any at be by companies company contact contacts do does for from have how i in is it know me my of on or people person show status that the their this to us was we what when where which who whom with with you your'.split(
		' ',
	),
);

function tokens(text: string): string[] {
	return text
		.toLowerCase()
		.split(/[^\p{L}\p{N}.@-]+/u)
		.map((t) => t.replace(/^[.-]+|[.-]+$/g, ''))
		.filter((t) => t.length >= 3 && !STOPWORDS.has(t));
}

function recordText(store: NexStore, record: RecordEntity): string {
	return [store.recordName(record), ...Object.values(record.attributes).map((v) => (Array.isArray(v) ? v.map(displayName).join(' ') : displayName(v)))]
		.join(' ')
		.toLowerCase();
}

function ask(ctx: Ctx) {
	const query = reqString(ctx.body(), 'query', { max: 2000 });
	const store = ctx.store;
	const q = query.toLowerCase();
	const matches: { record: RecordEntity; score: number }[] = [];
	for (const record of store.records.values()) {
		const name = store.recordName(record).toLowerCase();
		const parts = name.split(/\s+/).filter((p) => p.length >= 3);
		const domains = ((record.attributes.domains as string[] | undefined) ?? []).filter((d) => q.includes(d));
		if (name && q.includes(name)) matches.push({ record, score: 0.95 });
		else if (domains.length > 0) matches.push({ record, score: 0.93 });
		else if (parts.some((p) => new RegExp(`\\b${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'u').test(q))) matches.push({ record, score: 0.7 });
		if (matches.length >= 10) break;
	}
	matches.sort((a, b) => b.score - a.score);
	const considered = matches.slice(0, 5);
	const ids = new Set(considered.map((m) => m.record.id));
	const relevant = store.insights.filter((i) => i.target.entity_id !== undefined && ids.has(i.target.entity_id));
	const signals = (considered.length > 0 ? relevant : store.insights.slice(-5)).slice(-5).reverse();
	const entityType = (r: RecordEntity) => store.objectOf(r).slug.toUpperCase();
	const answer =
		considered.length > 0
			? `Based on ${signals.length} signal(s): ${considered
					.map(({ record }) => {
						const about = relevant.filter((i) => i.target.entity_id === record.id).map((i) => i.content);
						return `${store.recordName(record)} (${store.objectOf(record).name}) — ${about[about.length - 1] ?? 'no recent activity recorded'}.`;
					})
					.join(' ')}`
			: `No specific entity matched the question. Across the workspace, the latest signals are: ${signals.map((s) => s.content).join('; ') || 'none yet'}.`;
	return ok({
		answer,
		entities_considered: considered.map(({ record, score }) => ({
			id: record.id,
			name: store.recordName(record),
			type: entityType(record),
			reason: `Mentioned in the question`,
			insights_matched: relevant.filter((i) => i.target.entity_id === record.id).length,
			score,
		})),
		signals_used: signals.map((s, i) => ({
			insight_id: s.id,
			entity_id: s.target.entity_id,
			content: s.content,
			score: Math.round((0.92 - i * 0.04) * 100) / 100,
			type: s.type,
		})),
		metadata: {
			query_type: considered.length > 0 ? 'entity_specific' : 'workspace_wide',
			total_entities_searched: store.records.size,
			confidence: considered.length > 0 ? 0.86 : 0.55,
		},
	});
}

// ---- AI lists -------------------------------------------------------------------------------------

function wrap(ctx: Ctx, message: Record<string, unknown>) {
	return ok(ctx.store.config.aiListShape === 'wrapped' ? { message } : message);
}

function createListJob(ctx: Ctx) {
	const body = ctx.body();
	const query = reqString(body, 'query', { max: 1000 });
	const objectType = optString(body, 'object_type') ?? 'contact';
	if (objectType !== 'contact' && objectType !== 'company') throw new ApiError(400, 'object_type must be "contact" or "company"');
	const limit = optInt(body, 'limit') ?? 50;
	if (limit < 1 || limit > 100) throw new ApiError(400, 'limit must be between 1 and 100');
	const store = ctx.store;
	const fail = store.failNext.aiListJobs > 0;
	if (fail) store.failNext.aiListJobs--;
	const job: AiListJob = {
		id: store.ids.nextString(),
		query,
		objectType,
		limit,
		includeAttributes: optBool(body, 'include_attributes') ?? false,
		createdMs: ctx.now,
		createdAt: rfc3339(ctx.now),
		durationMs: store.config.jobDurationMs,
		fail,
	};
	store.aiListJobs.set(job.id, job);
	return wrap(ctx, { job_id: job.id, status: 'pending' });
}

function runListJob(store: NexStore, job: AiListJob): NonNullable<AiListJob['result']> {
	const object = store.objectBySlug(job.objectType === 'contact' ? 'person' : 'company');
	const words = tokens(job.query);
	const entities: AiListEntity[] = [];
	for (const id of object ? (store.recordsByObject.get(object.id.toString()) ?? []) : []) {
		const record = store.records.get(id)!;
		const text = recordText(store, record);
		const hit = words.find((w) => text.includes(w));
		if (words.length > 0 && !hit) continue;
		const highlights = store.insights
			.filter((i) => i.target.entity_id === record.id)
			.slice(-3)
			.map((i) => i.content);
		entities.push({
			id: record.id.toString(),
			name: store.recordName(record),
			type: job.objectType,
			reason: hit ? `Matches "${hit}" in the query` : `Every ${job.objectType} matches "${job.query}"`,
			highlights,
			attributes: { ...record.attributes },
		});
		if (entities.length >= job.limit) break;
	}
	return {
		entities,
		interpretation:
			words.length > 0
				? `Finding ${job.objectType === 'contact' ? 'contacts' : 'companies'} related to: ${words.join(', ')}`
				: `Listing all ${job.objectType === 'contact' ? 'contacts' : 'companies'} in the workspace`,
	};
}

function getListJob(ctx: Ctx) {
	const id = ctx.params.job_id;
	if (!/^\d{1,20}$/.test(id)) throw new ApiError(400, 'invalid job ID');
	const job = ctx.store.aiListJobs.get(BigInt(id).toString());
	if (!job) throw new ApiError(404, `job not found: ${id}`);
	const includeAttributes = queryBool(ctx.query, 'include_attributes') ?? job.includeAttributes;
	const base = { job_id: job.id, created_at: job.createdAt };
	const p = phase(job.createdMs, job.durationMs, ctx.now);
	if (p === 0) return wrap(ctx, { ...base, status: 'pending' });
	if (p === 1) return wrap(ctx, { ...base, status: 'processing' });
	if (job.fail) return wrap(ctx, { ...base, status: 'failed', error: 'list generation failed: the query could not be interpreted' });
	job.result ??= runListJob(ctx.store, job);
	return wrap(ctx, {
		...base,
		status: 'completed',
		count: job.result.entities.length,
		query_interpretation: job.result.interpretation,
		entities: job.result.entities.map((e) => ({ ...e, attributes: includeAttributes ? e.attributes : undefined })),
	});
}

export const contextRoutes: RouteDef[] = [
	{ method: 'POST', path: '/v1/context/text', scope: 'insight.stream', operationId: 'addContext', handler: addText },
	{
		method: 'GET',
		path: '/v1/context/artifacts/{artifact_id}',
		scope: 'insight.stream',
		operationId: 'getArtifact',
		handler: getArtifact,
	},
	{ method: 'POST', path: '/v1/context/ask', scope: 'insight.stream', operationId: 'queryContext', handler: ask },
	{ method: 'POST', path: '/v1/context/list/jobs', scope: 'insight.stream', operationId: 'createAIListJob', handler: createListJob },
	{ method: 'GET', path: '/v1/context/list/jobs/{job_id}', scope: 'insight.stream', operationId: 'getAIListJob', handler: getListJob },
];
