import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { checkJobRunId } from './job';

export const compoundingJobGetStatus: Operation = {
	option: {
		name: 'Get Status',
		value: 'getStatus',
		action: 'Check whether an intelligence pipeline run finished',
		description: 'Get the state of a triggered job (accepted, running, completed or failed) and, once finished, its counts',
		routing: nexRouting(
			{ method: 'GET', url: '/v1/compounding/jobs/{jobRunId}' },
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
	},
	properties: [
		{
			displayName: 'Job Run ID',
			name: 'jobRunId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c',
			description: 'The job_run_id that Trigger returned (a UUID)',
		},
	],
};
