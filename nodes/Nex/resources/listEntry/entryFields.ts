import type { INodeProperties } from 'n8n-workflow';

import { attributeInputFields } from '../record/attributeValues';
import type { Show } from '../../../shared/operation';

/** List-specific attribute values of an entry (the list's own attributes, e.g. status or score). */
export function entryAttributeFields(show: Show, purpose: string): INodeProperties[] {
	return attributeInputFields(show, {
		loadOptionsMethod: 'getListAttributes',
		loadOptionsDependsOn: ['listId.value'],
		noun: `list-specific attribute values ${purpose}`,
		example: '{"status": "qualified"}',
	});
}

export const LIST_RECORD_PATH = '/v1/lists/{listId}/records/{recordId}';
