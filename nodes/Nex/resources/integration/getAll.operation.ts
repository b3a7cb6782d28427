import { returnAllAndLimit, type Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { INTEGRATION_SCOPE_READ } from './connection';

export const integrationGetAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List available integrations and their connections',
		description: 'List the integrations Nex offers (Gmail, Slack, HubSpot...) with the connections the workspace has for each',
		routing: nexRouting(
			{ method: 'GET', url: '/v1/integrations' },
			{
				scope: INTEGRATION_SCOPE_READ,
				safeToRepeat: true,
				// One request answers everything Nex gives; the Limit is applied to the answer.
				limit: {},
			},
		),
	},
	properties: [
		...returnAllAndLimit(),
	],
};
