import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { nexRouting } from '../../shared/transport';

export const option: INodePropertyOptions = {
	name: 'Get Preferences',
	value: 'getPreferences',
	action: 'Get notification preferences',
	description: 'Get how often Nex checks for alerts, which notification types are on, and whether digests are sent',
	routing: nexRouting({ method: 'GET', url: '/v1/notifications/preferences' }, { scope: 'notification.read', safeToRepeat: true }),
};

export const properties: INodeProperties[] = [];
