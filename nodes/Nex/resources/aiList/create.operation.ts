import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { followStartedJob, readWaitSettings, waitProperties } from '../../shared/waitForJob';
import { AI_LIST_SCOPE, AI_LIST_STATUS_RULES, readAiListJob, unwrapAiListJob } from './job';
import { checkWholeNumber } from '../../../shared/numbers';
import { optionalParameter, requireText } from '../../../shared/parameters';
import { additionalFieldsCollection } from '../../../shared/collections';
import { requiredBodyText } from '../../../shared/bodyFields';

const show = { resource: ['aiList'], operation: ['create'] };

export const aiListCreate: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Find contacts or companies matching a description with AI',
		description:
			'Have the AI search the workspace for contacts or companies matching a description, ranked with reasons and highlights',
		routing: nexRouting(
			{ method: 'POST', url: '/v1/context/list/jobs' },
			{
				scope: AI_LIST_SCOPE,
				safeToRepeat: false,
				items: unwrapAiListJob,
				validate(this: IExecuteSingleFunctions) {
					requireText(this, 'query', 'Description');
					const limit = optionalParameter(this, 'additionalFields.maxResults');
					if (limit !== undefined) checkWholeNumber(this.getNode(), limit, 'Max Results', 1, 100);
					readWaitSettings(this, true);
				},
				transform: followStartedJob({
					idField: 'job_id',
					defaultWait: true,
					accepted: 'Nex accepted the AI list request',
					waitSwitch: 'Wait for Completion',
					watch(jobId) {
						const fields = this.getNodeParameter('additionalFields', {}) as IDataObject;
						const includeAttributes = fields.includeAttributes === true;
						return {
							label: `AI list job ${jobId}`,
							rules: AI_LIST_STATUS_RULES,
							poll: async () => await readAiListJob(this, jobId, includeAttributes),
							readLater: 'the AI List → Get operation',
						};
					},
				}),
			},
		),
	},
	properties: [
		requiredBodyText('Description', 'query', {
			placeholder: 'e.g. high priority contacts in enterprise deals',
			description: 'What the list should contain, in natural language',
			rows: 3,
		}),
		{
			displayName: 'Object Type',
			name: 'objectType',
			type: 'options',
			options: [
				{ name: 'Company', value: 'company' },
				{ name: 'Contact', value: 'contact' },
			],
			default: 'contact',
			description: 'Whether the list holds people or companies',
			routing: { send: { type: 'body', property: 'object_type' } },
		},
		additionalFieldsCollection([
			{
				displayName: 'Include Attributes',
				name: 'includeAttributes',
				type: 'boolean',
				default: true,
				description: 'Whether to return every attribute value of each matched record',
				routing: { send: { type: 'body', property: 'include_attributes' } },
			},
			{
				displayName: 'Max Results',
				name: 'maxResults',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: 50,
				description: 'How many records the AI may put on the list (1–100; Nex uses 50 when not set)',
				routing: { send: { type: 'body', property: 'limit' } },
			},
		]),
		...waitProperties(show, {
			displayName: 'Wait for Completion',
			what: 'the list to be built',
			defaultWait: true,
			defaultTimeoutSeconds: 120,
			waitDescription:
				'Whether to wait until the AI has built the list and return it with its entities. Off returns the job ID at once; read it later with AI List → Get.',
		}),
	],
};
