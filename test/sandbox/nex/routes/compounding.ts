import { randomUUID } from 'node:crypto';
import { ApiError, ok } from '../http';
import type { Ctx, RouteDef } from '../router';
import { rfc3339 } from '../time';
import { COMPOUNDING_JOB_TYPES, type CompoundingJob, type CompoundingJobType } from '../types';
import { optBool, optEnum } from '../validate';
import { phase } from './context';

/** Compounding jobs: trigger answers 202 `{job_run_id, status: "accepted"}`; accepted → running → completed. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function trigger(ctx: Ctx) {
	const body = ctx.body();
	const jobType = optEnum<CompoundingJobType>(body, 'job_type', COMPOUNDING_JOB_TYPES);
	if (!jobType) throw new ApiError(400, `job_type is required: one of ${COMPOUNDING_JOB_TYPES.join(', ')}`);
	const dryRun = optBool(body, 'dry_run') ?? false;
	const store = ctx.store;
	const fail = store.failNext.compounding > 0;
	if (fail) store.failNext.compounding--;
	const job: CompoundingJob = { id: randomUUID(), jobType, dryRun, createdMs: ctx.now, durationMs: store.config.jobDurationMs, fail };
	store.compoundingJobs.set(job.id, job);
	return ok(
		{ job_run_id: job.id, job_type: jobType, workspace_id: store.workspaceId, dry_run: dryRun, status: 'accepted', success: true },
		202,
	);
}

function status(ctx: Ctx) {
	const id = ctx.params.job_run_id;
	const job = UUID.test(id) ? ctx.store.compoundingJobs.get(id.toLowerCase()) : undefined;
	if (!job) throw new ApiError(404, `compounding job not found: ${id}`);
	const base = {
		job_run_id: job.id,
		job_type: job.jobType,
		workspace_id: ctx.store.workspaceId,
		dry_run: job.dryRun,
		started_at: rfc3339(job.createdMs),
	};
	const p = phase(job.createdMs, job.durationMs, ctx.now);
	if (p === 0) return ok({ ...base, status: 'accepted' });
	if (p === 1) return ok({ ...base, status: 'running' });
	const scanned = ctx.store.insights.length;
	const end = {
		completed_at: rfc3339(job.createdMs + job.durationMs),
		duration_ms: job.durationMs,
		insights_scanned: scanned,
	};
	if (job.fail) {
		return ok({
			...base,
			...end,
			status: 'failed',
			insights_affected: 0,
			candidates_created: 0,
			errors: 1,
			error_details: { stage: job.jobType, message: 'job aborted: insight store unavailable' },
		});
	}
	const affected = job.jobType === 'metrics' ? 0 : Math.floor(scanned / 4);
	return ok({
		...base,
		...end,
		status: 'completed',
		insights_affected: job.dryRun ? 0 : affected,
		candidates_created: job.jobType === 'pattern_detection' || job.jobType === 'playbook_synthesis' ? Math.ceil(affected / 3) : 0,
		errors: 0,
	});
}

export const compoundingRoutes: RouteDef[] = [
	{ method: 'POST', path: '/v1/compounding/trigger', scope: 'record.write', operationId: 'triggerCompoundingJob', handler: trigger },
	{
		method: 'GET',
		path: '/v1/compounding/jobs/{job_run_id}',
		scope: 'record.read',
		operationId: 'getCompoundingJobStatus',
		handler: status,
	},
];
