import { listedItemLocator } from '../../shared/idLocator';

export const RULE_SCOPE_READ = 'notification.read';
export const RULE_SCOPE_WRITE = 'notification.write';

/** The rule to act on: picked from a list, or its ID. */
export const ruleIdLocator = listedItemLocator({
	displayName: 'Rule',
	name: 'ruleId',
	description: 'The notification rule to use',
	searchListMethod: 'searchNotificationRules',
});

export const RULE_PATH = '/v1/notifications/custom/{ruleId}';
