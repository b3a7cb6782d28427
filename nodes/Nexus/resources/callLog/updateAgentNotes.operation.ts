import type { Operation } from '../../../shared/operation';
import { asText } from '../../../shared/parameters';
import { updateRowRouting } from '../../shared/rowRouting';
import { callLogIdProperty, CALL_LOG_ID } from './fields';

export const updateCallLogNotes: Operation = {
	option: {
		name: 'Update Agent Notes',
		value: 'updateAgentNotes',
		action: 'Set the agent notes of a call log',
		description: 'Set the agent notes of a logged call (agent_notes); empty notes clear them',
		routing: updateRowRouting('call_logs', 'call log', CALL_LOG_ID, function () {
			return { agent_notes: asText(this.getNodeParameter('agentNotes', '')) };
		}),
	},
	properties: [
		callLogIdProperty,
		{ displayName: 'Agent Notes', name: 'agentNotes', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'The notes, replacing the ones stored' },
	],
};
