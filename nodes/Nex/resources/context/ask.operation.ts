import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { CONTEXT_SCOPE } from './artifact';
import { requireText } from '../../../shared/parameters';
import { requiredBodyText } from '../../../shared/bodyFields';

export const contextAsk: Operation = {
	option: {
		name: 'Ask',
		value: 'ask',
		action: 'Ask the AI a question about the workspace',
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
	},
	properties: [
		requiredBodyText('Question', 'query', {
			placeholder: "e.g. What's the status with techflow.io?",
			description: 'A question about one entity, several entities ("Compare Acme and TechFlow") or the whole workspace ("Which deals are likely to close this quarter?")',
			rows: 3,
		}),
	],
};
