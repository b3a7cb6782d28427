import type { INodeProperties } from 'n8n-workflow';
import type { Show } from '../../../shared/operation';
import { fromListMode, resourceLocator, typedIdMode } from '../../../shared/locator';

/** The relationship-definition picker: definitions of the workspace, or an id. */
export function relationshipDefinitionLocator(
	show: Show,
	options: { name?: string; description?: string } = {},
): INodeProperties {
	return resourceLocator(
		{
			displayName: 'Relationship Definition',
			name: options.name ?? 'definitionId',
			show,
			description: options.description ?? 'The kind of link, chosen from the workspace or given by its numeric ID (digits only; it may exceed 2^53, so pass it as text)',
		},
		fromListMode('Select a relationship definition...', 'searchRelationshipDefinitions'),
		typedIdMode('e.g. 32710180831586611', { regex: '^[^/?#]+$', errorMessage: 'Enter the id alone, without "/"' }),
	);
}

/** An object-type picker whose value is the object definition's id (relationship definitions link ids). */
export function objectDefinitionIdLocator(show: Show, name: string, displayName: string, description: string): INodeProperties {
	return resourceLocator(
		{ displayName, name, show, description },
		fromListMode('Select an object type...', 'searchObjectTypeIds'),
		typedIdMode('e.g. 32710180831586563'),
	);
}

export const DEFINITION_PATH_ID = { parameter: 'definitionId', label: 'Relationship Definition' };
