import type { INodeProperties } from 'n8n-workflow';
import type { Show } from '../../../shared/operation';
import { resourceLocator, typedIdMode } from '../../../shared/locator';
import { integerPathId } from '../../../shared/pathPlaceholders';

/** A record picker: search records by name, or give the record's numeric id. */
export function recordLocator(
	show: Show,
	options: { name?: string; displayName?: string; description?: string } = {},
): INodeProperties {
	return resourceLocator(
		{
			displayName: options.displayName ?? 'Record',
			name: options.name ?? 'recordId',
			show,
			description: options.description ?? 'The record, found by a search or given by its numeric ID (digits only; it may exceed 2^53, so pass it as text)',
		},
		{ displayName: 'From Search', placeholder: 'Type a name to search records...', searchListMethod: 'searchRecords', searchFilterRequired: true },
		typedIdMode('e.g. 32414268188027655', { regex: '^\\s*\\d+\\s*$', errorMessage: 'A record ID is a number, e.g. 32414268188027655' }),
	);
}

/** The record id in a URL path (or a body): an integer id. */
export const RECORD_PATH_ID = integerPathId('recordId', 'Record');
