import type { INodeProperties } from 'n8n-workflow';

import { fromListMode, resourceLocator, typedIdMode } from '../../shared/locator';

/** A picker for an item the API lists in full (a task, a note, a rule): chosen from a list, or its ID. */
export function listedItemLocator(options: {
	displayName: string;
	name: string;
	description: string;
	searchListMethod: string;
}): INodeProperties {
	return resourceLocator(
		options,
		fromListMode(`Select a ${options.displayName.toLowerCase()}...`, options.searchListMethod),
		typedIdMode('e.g. 32710180831586561'),
	);
}
