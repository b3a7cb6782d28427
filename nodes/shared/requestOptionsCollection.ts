import type { INodeProperties } from 'n8n-workflow';

/**
 * n8n's "Request Options" collection, the same for both services: n8n's routing reads `timeout`
 * from it; each transport reads `maxRetries`. `maxRetriesDescription` says what that service
 * retries on.
 */
export function requestOptionsCollection(maxRetriesDescription: string): INodeProperties {
	return {
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
				description: maxRetriesDescription,
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
}
