import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { RULE_SCOPE_WRITE } from './fields';
import { requireText } from '../../../shared/parameters';
import { requiredBodyText } from '../../../shared/bodyFields';

export const notificationRuleCreate: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an AI notification rule from a description',
		description: 'Create an AI notification rule from a description of what to be notified about',
		routing: nexRouting(
			{ method: 'POST', url: '/v1/notifications/custom' },
			{
				scope: RULE_SCOPE_WRITE,
				safeToRepeat: false,
				validate(this: IExecuteSingleFunctions) {
					requireText(this, 'description', 'Description');
				},
			},
		),
	},
	properties: [
		requiredBodyText('Description', 'description', {
			placeholder: 'e.g. Tell me when a customer mentions switching to a competitor',
			description: 'What you want to be notified about, in natural language',
			rows: 3,
		}),
	],
};
