import { filtersProperty, listOptionsProperty } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { listRowsRouting } from '../../shared/rowRouting';
import { returnAllAndLimit } from '../../../shared/operation';

export const getAllCallLogs: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List call logs, most recent first',
		description: 'List logged calls, most recent first',
		routing: listRowsRouting('call_logs', 'call logs', { defaultSort: [{ column: 'call_date', direction: 'desc' }] }),
	},
	properties: [
		...returnAllAndLimit(),
		filtersProperty(
			'id, customer_id, unique_id, call_date, caller_number, called_number, extension, direction (inbound, outbound, internal), status (answered, missed, busy, failed, voicemail), duration_seconds, agent_notes',
		),
		listOptionsProperty('call_date descending'),
	],
};
