
import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { RULE_SCOPE_READ } from './fields';


export const notificationRuleGetAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List the custom AI notification rules',
		description: 'List the custom AI notification rules of the API key’s user',
		routing: nexRouting(
			{ method: 'GET', url: '/v1/notifications/custom' },
			{
				scope: RULE_SCOPE_READ,
				safeToRepeat: true,
				items: 'rules',
				// One request answers everything Nex gives; the Limit is applied to the answer.
				limit: {},
			},
		),
	},
	properties: [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	],
};
