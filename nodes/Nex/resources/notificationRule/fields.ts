import type { INodeProperties } from 'n8n-workflow';

export const RULE_SCOPE_READ = 'notification.read';
export const RULE_SCOPE_WRITE = 'notification.write';

/** The rule to act on: picked from a list, or its ID. */
export const ruleIdLocator: INodeProperties = {
	displayName: 'Rule',
	name: 'ruleId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The notification rule to use',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a rule...',
			typeOptions: { searchListMethod: 'searchNotificationRules', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 32710180831586561',
		},
	],
};

export const RULE_PATH = '/v1/notifications/custom/{ruleId}';
