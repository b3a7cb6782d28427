import type { Operation } from '../../../shared/operation';
import { itemRouting } from '../../shared/listedItem';
import { ruleItem } from './fields';

export const notificationRuleDelete: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a notification rule permanently',
		description: 'Delete a custom notification rule for good',
		routing: itemRouting(ruleItem, 'DELETE', {
			// Unlike notes and tasks, a rule's answer is kept: fields Nex sends back stay on the item.
			async transform(items) {
				const id = String(this.getNodeParameter(ruleItem.parameter, '', { extractValue: true }));
				return [{ ...(items[0] ?? {}), id, deleted: true }];
			},
		}),
	},
	properties: [ruleItem.locator],
};
