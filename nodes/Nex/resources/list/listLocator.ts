import type { INodeProperties } from 'n8n-workflow';
import type { Show } from '../../../shared/operation';
import { integerPathId } from '../../../shared/pathPlaceholders';

/** The list picker: lists of every object type (or of the chosen one), or a list's numeric id. */
export function listLocator(show: Show, description?: string): INodeProperties {
	return {
		displayName: 'List',
		name: 'listId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show },
		description: description ?? 'The list, chosen from the workspace or given by its numeric ID (digits only; it may exceed 2^53, so pass it as text)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a list...',
				typeOptions: { searchListMethod: 'searchLists', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 32710180831586599',
				validation: [
					{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A list ID is a number, e.g. 32710180831586599' } },
				],
			},
		],
	};
}

export const LIST_PATH = '/v1/lists/{listId}';
export const LIST_PATH_ID = integerPathId('listId', 'List');
