import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { checkWholeNumber } from '../../../shared/numbers';
import { readUpdateFields } from '../../../shared/parameters';
import { sendList } from '../../../shared/preSend';
import { updateFieldsCollection } from '../../../shared/collections';

export const notificationUpdatePreferences: Operation = {
	option: {
		name: 'Update Preferences',
		value: 'updatePreferences',
		action: 'Change the notification preferences',
		description: 'Change how often Nex checks for alerts, which notification types are on, or whether digests are sent',
		routing: nexRouting(
			{ method: 'PATCH', url: '/v1/notifications/preferences' },
			{
				scope: 'notification.write',
				safeToRepeat: true,
				validate(this: IExecuteSingleFunctions) {
					const fields = readUpdateFields(this, 'Add at least one preference to change under "Update Fields".');
					if (fields.frequencyMinutes !== undefined) {
						checkWholeNumber(this.getNode(), fields.frequencyMinutes, 'Frequency (Minutes)', 1);
					}
				},
			},
		),
	},
	properties: [
		updateFieldsCollection([
			{
				displayName: 'Digest Enabled',
				name: 'digestEnabled',
				type: 'boolean',
				default: true,
				description: 'Whether Nex sends digest notifications',
				routing: { send: { type: 'body', property: 'digest_enabled' } },
			},
			{
				displayName: 'Enabled Types',
				name: 'enabledTypes',
				type: 'string',
				default: '',
				placeholder: 'e.g. context_alert, digest',
				description: 'Comma-separated notification types to turn on; replaces the current list (empty turns all off)',
				routing: { send: { preSend: [sendList('updateFields.enabledTypes', 'enabled_types')] } },
			},
			{
				displayName: 'Frequency (Minutes)',
				name: 'frequencyMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 15,
				description: 'How often Nex checks for new alerts',
				routing: { send: { type: 'body', property: 'frequency_minutes' } },
			},
		]),
	],
};
