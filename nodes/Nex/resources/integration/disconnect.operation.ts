import type { Operation } from '../../../shared/operation';
import { integerPathId } from '../../../shared/pathPlaceholders';
import { nexRouting } from '../../shared/transport';
import { INTEGRATION_SCOPE_WRITE } from './connection';

export const integrationDisconnect: Operation = {
	option: {
		name: 'Disconnect',
		value: 'disconnect',
		action: 'Disconnect an integration (removes its access)',
		description: 'Remove a connection; its ID is in the connections of Get Many or the connection_id of a finished Connect',
		routing: nexRouting(
			{ method: 'DELETE', url: '/v1/integrations/connections/{connectionId}' },
			{
				scope: INTEGRATION_SCOPE_WRITE,
				safeToRepeat: true,
				pathIds: [integerPathId('connectionId', 'Connection ID')],
				notFound: 'connection',
				async transform() {
					return [{ connection_id: String(this.getNodeParameter('connectionId', '')).trim(), disconnected: true }];
				},
			},
		),
	},
	properties: [
		{
			displayName: 'Connection ID',
			name: 'connectionId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 32710180831586561',
			description: 'The connection to remove, given by its numeric ID (digits only; it may exceed 2^53, so pass it as text)',
		},
	],
};
