import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { followStartedJob, readWaitSettings, waitProperties } from '../../shared/waitForJob';
import { CONNECT_STATUS_RULES, CONNECTION_WAIT, INTEGRATION_SCOPE_WRITE, readConnectStatus } from './connection';

const show = { resource: ['integration'], operation: ['connect'] };

/** Providers Nex connects by OAuth, per integration type. */
const PROVIDERS: Record<string, Array<{ name: string; value: string }>> = {
	calendar: [
		{ name: 'Google Calendar', value: 'google' },
		{ name: 'Outlook Calendar', value: 'microsoft' },
	],
	crm: [
		{ name: 'Attio', value: 'attio' },
		{ name: 'HubSpot', value: 'hubspot' },
		{ name: 'Salesforce', value: 'salesforce' },
	],
	email: [
		{ name: 'Gmail', value: 'google' },
		{ name: 'Outlook', value: 'microsoft' },
	],
	messaging: [{ name: 'Slack', value: 'slack' }],
};

export const integrationConnect: Operation = {
	option: {
		name: 'Connect',
		value: 'connect',
		action: 'Start connecting an integration (returns an OAuth link)',
		description:
			'Start the OAuth flow for an integration: returns the auth_url a person must open to grant access, and a connect_id to follow the connection with',
		routing: nexRouting(
			{ method: 'POST', url: '/v1/integrations/{integrationType}/{provider}/connect' },
			{
				scope: INTEGRATION_SCOPE_WRITE,
				safeToRepeat: false,
				pathIds: [
					{ parameter: 'integrationType', label: 'Type' },
					{ parameter: 'provider', label: 'Provider' },
				],
				validate() {
					readWaitSettings(this, CONNECTION_WAIT.defaultWait);
				},
				transform: followStartedJob({
					idField: 'connect_id',
					defaultWait: CONNECTION_WAIT.defaultWait,
					accepted: 'Nex started the connection',
					waitSwitch: CONNECTION_WAIT.displayName,
					watch(connectId, started) {
						return {
							label: `connection attempt ${connectId} (auth URL: ${String(started.auth_url ?? 'none')})`,
							rules: CONNECT_STATUS_RULES,
							poll: async () => await readConnectStatus(this, connectId),
							readLater: 'the Integration → Get Connect Status operation',
						};
					},
					result: (started, finished) => ({ ...started, ...finished }),
				}),
			},
		),
	},
	properties: [
		{
			displayName: 'Type',
			name: 'integrationType',
			type: 'options',
			options: [
				{ name: 'Calendar', value: 'calendar' },
				{ name: 'CRM', value: 'crm' },
				{ name: 'Email', value: 'email' },
				{ name: 'Messaging', value: 'messaging' },
			],
			default: 'email',
			description: 'What kind of service to connect',
		},
		...Object.entries(PROVIDERS).map(([type, providers]): INodeProperties => {
			const firstProvider = providers[0].value;
			return {
				displayName: 'Provider',
				name: 'provider',
				type: 'options',
				options: providers,
				default: firstProvider,
				displayOptions: { show: { integrationType: [type] } },
				description: 'The service to connect',
			};
		}),
		...waitProperties(show, {
			...CONNECTION_WAIT,
			waitDescription:
				'Whether to wait until someone has opened the auth URL and granted access. The auth URL is only output when the node finishes, so leave this off to pass the URL on (e.g. by email) and follow up with Get Connect Status.',
		}),
	],
};
