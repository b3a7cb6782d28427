import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { assertFilled, parameterText } from '../../../shared/parameters';
import { checkWholeNumber } from '../../../shared/numbers';
import { collectionFields, createRowRouting } from '../../shared/rowRouting';
import { checkCustomerId } from '../order/fields';
import { callLogFieldOptions } from './fields';

export const createCallLog: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Log a phone call',
		description: 'Log a phone call (a call_logs row), e.g. one made outside the PBX',
		routing: createRowRouting('call_logs', 'call log', function () {
			assertFilled(this, [
				{ parameter: 'callDate', label: 'Call Date' },
				{ parameter: 'callerNumber', label: 'Caller Number' },
				{ parameter: 'calledNumber', label: 'Called Number' },
			]);
			const callDate = parameterText(this, 'callDate');
			if (Number.isNaN(Date.parse(callDate))) {
				throw new NodeOperationError(this.getNode(), `Call Date "${callDate}" is not a date`, {
					description: 'Give a date and time, e.g. 2026-03-05T14:30:00Z.',
				});
			}
			const row = collectionFields(this, 'additionalFields');
			checkCustomerId(this, row);
			if (row.duration_seconds !== undefined) {
				row.duration_seconds = checkWholeNumber(this.getNode(), row.duration_seconds, 'Duration (Seconds)', 0);
			}
			return { call_date: callDate, caller_number: parameterText(this, 'callerNumber'), called_number: parameterText(this, 'calledNumber'), ...row };
		}),
	},
	properties: [
		{ displayName: 'Call Date', name: 'callDate', type: 'dateTime', default: '', required: true, description: 'When the call took place' },
		{ displayName: 'Caller Number', name: 'callerNumber', type: 'string', default: '', required: true, placeholder: 'e.g. +201234567890' },
		{ displayName: 'Called Number', name: 'calledNumber', type: 'string', default: '', required: true, placeholder: 'e.g. +201234567890' },
		{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: callLogFieldOptions },
	],
};
