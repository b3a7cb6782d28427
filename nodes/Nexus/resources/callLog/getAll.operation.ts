import { filtersProperty, listOptionsProperty, returnAllProperties } from '../../shared/fields';
import type { NexusOperation } from '../../shared/operation';
import { listRowsRouting } from '../../shared/rowRouting';

export const getAllCallLogs: NexusOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many call logs',
		description: 'List logged calls, most recent first',
		routing: listRowsRouting('call_logs', 'call logs', { defaultSort: [{ column: 'call_date', direction: 'desc' }] }),
	},
	properties: [
		...returnAllProperties(),
		filtersProperty(
			'id, customer_id, unique_id, call_date, caller_number, called_number, extension, direction (inbound, outbound, internal), status (answered, missed, busy, failed, voicemail), duration_seconds, agent_notes',
		),
		listOptionsProperty('call_date descending'),
	],
};
