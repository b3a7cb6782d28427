import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { AI_LIST_SCOPE, unwrapAiListJob } from './job';

export const aiListGet: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get the status and matched records of an AI list',
		description: 'Get the status of an AI list job and, once completed, the matched records with reasons and highlights',
		routing: nexRouting(
			{ method: 'GET', url: '/v1/context/list/jobs/{jobId}' },
			{
				scope: AI_LIST_SCOPE,
				safeToRepeat: true,
				notFound: 'AI list job',
				items: unwrapAiListJob,
				pathIds: [{ parameter: 'jobId', label: 'Job ID' }],
			},
		),
	},
	properties: [
		{
			displayName: 'Job ID',
			name: 'jobId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 12345678901234567',
			description: 'The job_id that AI List → Create returned',
		},
		{
			displayName: 'Include Attributes',
			name: 'includeAttributes',
			type: 'boolean',
			default: false,
			description: 'Whether to return every attribute value of each matched record',
			routing: { send: { type: 'query', property: 'include_attributes' } },
		},
	],
};
