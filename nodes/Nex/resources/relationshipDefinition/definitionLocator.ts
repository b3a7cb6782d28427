import type { INodeProperties } from 'n8n-workflow';
import type { Show } from '../../../shared/operation';

/** The relationship-definition picker: definitions of the workspace, or an id. */
export function relationshipDefinitionLocator(
	show: Show,
	options: { name?: string; description?: string } = {},
): INodeProperties {
	return {
		displayName: 'Relationship Definition',
		name: options.name ?? 'definitionId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show },
		description: options.description ?? 'The kind of link, chosen from the workspace or given by its numeric ID (digits only; it may exceed 2^53, so pass it as text)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a relationship definition...',
				typeOptions: { searchListMethod: 'searchRelationshipDefinitions', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 32710180831586611',
				validation: [
					{ type: 'regex', properties: { regex: '^[^/?#]+$', errorMessage: 'Enter the id alone, without "/"' } },
				],
			},
		],
	};
}

/** An object-type picker whose value is the object definition's id (relationship definitions link ids). */
export function objectDefinitionIdLocator(show: Show, name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an object type...',
				typeOptions: { searchListMethod: 'searchObjectTypeIds', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 32710180831586563',
			},
		],
	};
}

export const DEFINITION_PATH_ID = { parameter: 'definitionId', label: 'Relationship Definition' };
