import { listedItem } from '../../shared/listedItem';

export const RULE_SCOPE_READ = 'notification.read';
export const RULE_SCOPE_WRITE = 'notification.write';

/** A custom notification rule, picked from a list or by its ID, at `/v1/notifications/custom/{ruleId}`. */
export const ruleItem = listedItem({ label: 'Rule', parameter: 'ruleId', noun: 'notification rule', searchListMethod: 'searchNotificationRules', path: '/v1/notifications/custom/{ruleId}', scopes: { read: RULE_SCOPE_READ, write: RULE_SCOPE_WRITE } });
