import type { IExecuteSingleFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { nexRouting } from '../../shared/transport';
import { checkJobRunId } from './job';

export const option: INodePropertyOptions = {
	name: 'Get Status',
	value: 'getStatus',
	action: 'Get the status of a compounding job',
	description: 'Get the state of a triggered job (accepted, running, completed or failed) and, once finished, its counts',
	routing: nexRouting(
		{ method: 'GET', url: '=/v1/compounding/jobs/{{encodeURIComponent(String($parameter.jobRunId).trim())}}' },
		{
			scope: 'record.read',
			safeToRepeat: true,
			pathIds: [{ parameter: 'jobRunId', label: 'Job Run ID' }],
			notFound: 'compounding job',
			validate(this: IExecuteSingleFunctions) {
				checkJobRunId(this, this.getNodeParameter('jobRunId', ''));
			},
		},
	),
};

export const properties: INodeProperties[] = updateDisplayOptions({ show: { resource: ['compoundingJob'], operation: ['getStatus'] } }, [
	{
		displayName: 'Job Run ID',
		name: 'jobRunId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c',
		description: 'The job_run_id that Trigger returned',
	},
]);
