import type { INodeProperties } from 'n8n-workflow';

import { attributeInputFields } from '../record/attributeValues';
import type { Show } from '../../../shared/operation';
import type { PathTarget } from '../../shared/pathTarget';
import { LIST_PATH_ID } from '../list/listLocator';
import { RECORD_PATH_ID } from '../record/recordLocator';

/** List-specific attribute values of an entry (the list's own attributes, e.g. status or score). */
export function entryAttributeFields(show: Show, purpose: string): INodeProperties[] {
	return attributeInputFields(show, {
		loadOptionsMethod: 'getListAttributes',
		loadOptionsDependsOn: ['listId.value'],
		noun: `list-specific attribute values ${purpose}`,
		example: '{"status": "qualified"}',
	});
}

/** A record's entry in a list, as Update and Remove address it. */
export const LIST_ENTRY_TARGET: PathTarget = {
	url: '/v1/lists/{listId}/records/{recordId}',
	pathIds: [LIST_PATH_ID, RECORD_PATH_ID],
	notFound: 'list or list entry',
};
