import { returnAllAndLimit, type Operation } from '../../../shared/operation';
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
		...returnAllAndLimit(),
	],
};
