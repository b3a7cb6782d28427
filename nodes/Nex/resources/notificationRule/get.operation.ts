import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { nexRouting } from '../../shared/transport';
import { RULE_PATH, RULE_SCOPE_READ, ruleIdLocator } from './fields';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a notification rule',
	description: 'Get one custom notification rule by its ID',
	routing: nexRouting(
		{ method: 'GET', url: RULE_PATH },
		{
			scope: RULE_SCOPE_READ,
			safeToRepeat: true,
			notFound: 'notification rule',
			pathIds: [{ parameter: 'ruleId', label: 'Rule' }],
		},
	),
};

export const properties: INodeProperties[] = updateDisplayOptions({ show: { resource: ['notificationRule'], operation: ['get'] } }, [
	ruleIdLocator,
]);
