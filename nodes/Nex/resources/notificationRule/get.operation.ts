import type { Operation } from '../../../shared/operation';
import { itemRouting } from '../../shared/listedItem';
import { ruleItem } from './fields';

export const notificationRuleGet: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a notification rule by its numeric ID',
		description: 'Get one custom notification rule by its numeric ID',
		routing: itemRouting(ruleItem, 'GET'),
	},
	properties: [ruleItem.locator],
};
