
import type { Operation } from '../../../shared/operation';
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
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	],
};
