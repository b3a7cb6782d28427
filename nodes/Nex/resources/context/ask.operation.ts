import type { IExecuteSingleFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireText } from '../../shared/inputChecks';
import { nexRouting } from '../../shared/transport';
import { CONTEXT_SCOPE } from './artifact';

export const option: INodePropertyOptions = {
	name: 'Ask',
	value: 'ask',
	action: 'Ask a question about the workspace',
	description:
		'Ask the Nex AI a question in natural language about people, companies or the whole workspace; answers with the entities and signals it used',
	routing: nexRouting(
		{ method: 'POST', url: '/v1/context/ask' },
		{
			scope: CONTEXT_SCOPE,
			// A question changes nothing, so asking again after a dropped connection is harmless.
			safeToRepeat: true,
			validate(this: IExecuteSingleFunctions) {
				requireText(this, 'query', 'Question');
			},
		},
	),
};

export const properties: INodeProperties[] = updateDisplayOptions({ show: { resource: ['context'], operation: ['ask'] } }, [
	{
		displayName: 'Question',
		name: 'query',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		placeholder: "e.g. What's the status with techflow.io?",
		description:
			'A question about one entity, several entities ("Compare Acme and TechFlow") or the whole workspace ("Which deals are likely to close this quarter?")',
		routing: { send: { type: 'body', property: 'query' } },
	},
]);
