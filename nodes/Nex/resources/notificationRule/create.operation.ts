import type { IExecuteSingleFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireText } from '../../shared/inputChecks';
import { nexRouting } from '../../shared/transport';
import { RULE_SCOPE_WRITE } from './fields';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a notification rule',
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
};

export const properties: INodeProperties[] = updateDisplayOptions({ show: { resource: ['notificationRule'], operation: ['create'] } }, [
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		placeholder: 'e.g. Tell me when a customer mentions switching to a competitor',
		description: 'What you want to be notified about, in natural language',
		routing: { send: { type: 'body', property: 'description' } },
	},
]);
