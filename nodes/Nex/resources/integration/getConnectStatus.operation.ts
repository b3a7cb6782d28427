import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { readWaitSettings, waitForJob, waitProperties } from '../../shared/waitForJob';
import { checkConnectId, CONNECT_STATUS_RULES, CONNECTION_WAIT, INTEGRATION_SCOPE_READ, readConnectStatus } from './connection';

const show = { resource: ['integration'], operation: ['getConnectStatus'] };

export const integrationGetConnectStatus: Operation = {
	option: {
		name: 'Get Connect Status',
		value: 'getConnectStatus',
		action: 'Check whether an integration connection finished',
		description:
			'Check whether a connection started with Connect is still pending or connected (then with its connection_id). Connect IDs expire after 10 minutes.',
		routing: nexRouting(
			{ method: 'GET', url: '/v1/integrations/connect/{connectId}/status' },
			{
				scope: INTEGRATION_SCOPE_READ,
				safeToRepeat: true,
				pathIds: [{ parameter: 'connectId', label: 'Connect ID' }],
				notFound: 'connection attempt',
				validate(this: IExecuteSingleFunctions) {
					checkConnectId(this, this.getNodeParameter('connectId', ''));
					readWaitSettings(this, CONNECTION_WAIT.defaultWait);
				},
				async transform(items) {
					const connectId = checkConnectId(this, this.getNodeParameter('connectId', ''));
					const current = { connect_id: connectId, ...(items[0] ?? {}) };
					const { wait, timeoutMs } = readWaitSettings(this, CONNECTION_WAIT.defaultWait);
					if (!wait) return [current];
					return [
						await waitForJob(this, {
							label: `connection attempt ${connectId}`,
							rules: CONNECT_STATUS_RULES,
							initial: current,
							poll: async () => await readConnectStatus(this, connectId),
							timeoutMs,
							readLater: 'this operation',
						}),
					];
				},
			},
		),
	},
	properties: [
		{
			displayName: 'Connect ID',
			name: 'connectId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. eyJhbGciOi...',
			description: 'The connect_id that Integration → Connect returned',
		},
		...waitProperties(show, {
			...CONNECTION_WAIT,
			waitDescription:
				'Whether to keep checking until the connection is made (someone opened the auth URL and granted access) instead of returning the current status',
		}),
	],
};
