import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { RULE_PATH, RULE_SCOPE_WRITE, ruleIdLocator } from './fields';

export const notificationRuleDelete: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a notification rule permanently',
		description: 'Delete a custom notification rule for good',
		routing: nexRouting(
			{ method: 'DELETE', url: RULE_PATH },
			{
				scope: RULE_SCOPE_WRITE,
				// Deleting a rule twice leaves it deleted (the second attempt may answer 404).
				safeToRepeat: true,
				notFound: 'notification rule',
				pathIds: [{ parameter: 'ruleId', label: 'Rule' }],
				async transform(items) {
					const id = String(this.getNodeParameter('ruleId', '', { extractValue: true }));
					return [{ ...(items[0] ?? {}), id, deleted: true }];
				},
			},
		),
	},
	properties: [ruleIdLocator],
};
