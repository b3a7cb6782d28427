import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { quoteValue } from '../../../shared/quote';

export const pickupDateProperty: INodeProperties = {
	displayName: 'Pickup Date',
	name: 'pickupDate',
	type: 'dateTime',
	default: '',
	description: 'When Bosta should collect the parcel (default: chosen by Nexus, usually the next working day)',
};

/** The pickup date as an ISO date-time, or undefined when empty; a NodeOperationError when unreadable. */
export function readPickupDate(context: IExecuteSingleFunctions, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value).trim();
	const time = Date.parse(text);
	if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(time)) {
		throw new NodeOperationError(context.getNode(), `Pickup Date ${quoteValue(text)} is not a date`, {
			description: 'Give an ISO 8601 date such as 2026-03-05 or 2026-03-05T09:00:00Z.',
		});
	}
	return new Date(time).toISOString();
}
