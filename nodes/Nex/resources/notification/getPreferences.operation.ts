import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';

export const notificationGetPreferences: Operation = {
	option: {
		name: 'Get Preferences',
		value: 'getPreferences',
		action: 'Get the notification preferences',
		description: 'Get how often Nex checks for alerts, which notification types are on, and whether digests are sent',
		routing: nexRouting({ method: 'GET', url: '/v1/notifications/preferences' }, { scope: 'notification.read', safeToRepeat: true }),
	},
	properties: [],
};
