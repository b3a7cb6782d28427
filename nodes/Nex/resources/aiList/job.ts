import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { nexApiRequest } from '../../shared/transport';
import type { JobStatusRules } from '../../shared/waitForJob';
import { encodePathId } from '../../../shared/pathIds';

/** AI-list endpoints sit under /v1/context and need this scope. */
export const AI_LIST_SCOPE = 'insight.stream';

/** AI-list job statuses: pending, processing, completed, failed. */
export const AI_LIST_STATUS_RULES: JobStatusRules = { done: ['completed'], failed: ['failed'] };

/**
 * The job from an AI-list answer. The spec wraps it in `{"message": {...}}`, the condensed
 * reference shows it bare: both are accepted.
 */
export function unwrapAiListJob(answer: unknown): IDataObject {
	if (!answer || typeof answer !== 'object' || Array.isArray(answer)) return {};
	const object = answer as IDataObject;
	const message = object.message;
	if (message && typeof message === 'object' && !Array.isArray(message)) return message as IDataObject;
	return object;
}

/** Reads a job's status (and results, once completed). */
export async function readAiListJob(
	context: IExecuteSingleFunctions,
	jobId: string,
	includeAttributes: boolean,
): Promise<IDataObject> {
	const answer = await nexApiRequest.call(
		context,
		'GET',
		`/v1/context/list/jobs/${encodePathId(context.getNode(), jobId, 'Job ID')}`,
		{ scope: AI_LIST_SCOPE, safeToRepeat: true, notFound: 'AI list job' },
		includeAttributes ? { qs: { include_attributes: true } } : {},
	);
	return unwrapAiListJob(answer);
}
