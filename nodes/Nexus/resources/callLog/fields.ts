import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { optionalContactField } from '../contact/contactField';

export const CALL_LOG_ID = { parameter: 'callLogId', label: 'Call Log ID' };

export const callLogIdProperty: INodeProperties = {
	displayName: 'Call Log ID',
	name: CALL_LOG_ID.parameter,
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c',
	description: 'ID (a UUID) of the call_logs row, e.g. from Call Log → Get Many',
};

/** Dropdown options of enum values (call_direction, call_status), named as the value capitalised. */
function valueOptions(values: string[]): INodePropertyOptions[] {
	return values.map((value) => ({ name: `${value.charAt(0).toUpperCase()}${value.slice(1)}`, value }));
}

/** Optional call_logs columns of the exact-schema reference. */
export const callLogFieldOptions: INodeProperties[] = [
	{ displayName: 'Agent Notes', name: 'agent_notes', type: 'string', typeOptions: { rows: 3 }, default: '' },
	optionalContactField('customer_id', 'Customer', 'The contact (customer) the call was with: pick it from the list, or give its ID (a UUID)'),
	{ displayName: 'Direction', name: 'direction', type: 'options', options: valueOptions(['inbound', 'internal', 'outbound']), default: 'inbound' },
	{ displayName: 'Duration (Seconds)', name: 'duration_seconds', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
	{ displayName: 'Extension', name: 'extension', type: 'string', default: '' },
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: valueOptions(['answered', 'busy', 'failed', 'missed', 'voicemail']),
		default: 'answered',
	},
	{ displayName: 'Unique ID', name: 'unique_id', type: 'string', default: '', description: 'The PBX call ID' },
];
