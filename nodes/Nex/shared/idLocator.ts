import type { INodeProperties } from 'n8n-workflow';

/** A picker for an item the API lists in full (a task, a note, a rule): chosen from a list, or its ID. */
export function listedItemLocator(options: {
	displayName: string;
	name: string;
	description: string;
	searchListMethod: string;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${options.displayName.toLowerCase()}...`,
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 32710180831586561',
			},
		],
	};
}
