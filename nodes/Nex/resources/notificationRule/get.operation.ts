import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { RULE_PATH, RULE_SCOPE_READ, ruleIdLocator } from './fields';

export const notificationRuleGet: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a notification rule by its numeric ID',
		description: 'Get one custom notification rule by its numeric ID',
		routing: nexRouting(
			{ method: 'GET', url: RULE_PATH },
			{
				scope: RULE_SCOPE_READ,
				safeToRepeat: true,
				notFound: 'notification rule',
				pathIds: [{ parameter: 'ruleId', label: 'Rule' }],
			},
		),
	},
	properties: [ruleIdLocator],
};
