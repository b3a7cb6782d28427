import type { INodeProperties } from 'n8n-workflow';

import { fromListMode, resourceLocator, typedIdMode } from '../../../shared/locator';
import { integerPathId } from '../../../shared/pathPlaceholders';

/** The list picker: lists of every object type (or of the chosen one), or a list's numeric id. */
export const listLocator: INodeProperties = resourceLocator(
	{
		displayName: 'List',
		name: 'listId',
		description: 'The list, chosen from the workspace or given by its numeric ID (digits only; it may exceed 2^53, so pass it as text)',
	},
	fromListMode('Select a list...', 'searchLists'),
	typedIdMode('e.g. 32710180831586599', { regex: '^\\s*\\d+\\s*$', errorMessage: 'A list ID is a number, e.g. 32710180831586599' }),
);

/** The list picker with a description that says what the list is for. */
export function listLocatorFor(description: string): INodeProperties {
	return { ...listLocator, description };
}

/** The list id in a URL path: an integer id. */
export const LIST_PATH_ID = integerPathId('listId', 'List');
