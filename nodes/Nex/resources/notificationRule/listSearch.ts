import { searchOneAnswer } from '../../shared/listSearch';
import { RULE_SCOPE_READ } from './fields';

/** Rules for the "Rule" dropdown (one request answers every rule), filtered here by name or prompt. */
export const searchNotificationRules = searchOneAnswer({
	url: '/v1/notifications/custom',
	scope: RULE_SCOPE_READ,
	items: 'rules',
	text: (rule) => `${String(rule.name ?? '')} ${String(rule.prompt ?? '')}`,
	name: (rule) => String(rule.name ?? rule.prompt ?? rule.id),
});
