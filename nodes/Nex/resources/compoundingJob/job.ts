import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { nexApiRequest } from '../../shared/transport';
import type { JobStatusRules } from '../../shared/waitForJob';
import { encodePathId } from '../../../shared/pathIds';
import { quoteValue } from '../../../shared/quote';
import { invalidInput } from '../../../shared/parameters';

/** Compounding job statuses: accepted, running, completed, failed. */
export const COMPOUNDING_STATUS_RULES: JobStatusRules = { done: ['completed'], failed: ['failed'] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A job run id is a UUID. */
export function checkJobRunId(context: Pick<IExecuteSingleFunctions, 'getNode'>, value: unknown): string {
	const id = value === undefined || value === null ? '' : String(value).trim();
	if (id === '') {
		throw invalidInput(context, 'Job Run ID is empty', 'Enter the job_run_id that Compounding Job → Trigger returned.');
	}
	if (!UUID.test(id)) {
		throw invalidInput(
			context,
			`Job Run ID ${quoteValue(id)} is not a valid id`,
			'A job run ID is a UUID such as "3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c", as Compounding Job → Trigger returns it.',
		);
	}
	return id;
}

/** Reads a compounding job's state once. */
export async function readCompoundingJob(context: IExecuteSingleFunctions, jobRunId: string): Promise<IDataObject> {
	const answer = (await nexApiRequest.call(
		context,
		'GET',
		`/v1/compounding/jobs/${encodePathId(context.getNode(), jobRunId, 'Job Run ID')}`,
		{ scope: 'record.read', safeToRepeat: true, notFound: 'compounding job' },
	)) as IDataObject | null;
	return answer ?? {};
}
