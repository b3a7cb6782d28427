import type { INodeProperties } from 'n8n-workflow';

/**
 * n8n's "Request Options" collection. n8n's routing reads `timeout` from it; the transport reads
 * `maxRetries`.
 */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 3,
			description:
				'How often to retry when Nexus answers 429 (rate limited, waiting for Retry-After), or 502/503/504 or a dropped connection for requests that are safe to repeat',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 300000,
			description: 'Milliseconds to wait for an answer before giving up on a request (it may then be retried)',
		},
	],
};
