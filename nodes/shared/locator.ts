import type { INodeProperties } from 'n8n-workflow';

import type { Show } from './operation';

/** The list mode of a locator: a searchable list filled by `searchListMethod`. */
export interface ListMode {
	placeholder: string;
	searchListMethod: string;
	/** Default "From List". */
	displayName?: string;
	/** Whether the list shows nothing until something is typed (a search, not a listing). */
	searchFilterRequired?: boolean;
}

/** The typed mode of a locator ("By ID" unless named otherwise), checked against `regex` in the editor when given. */
export interface TypedMode {
	placeholder: string;
	regex?: { regex: string; errorMessage: string };
	displayName?: string;
}

/** A required resource locator: picked from a list (its default mode) or typed. */
export function resourceLocator(
	options: { displayName: string; name: string; description: string; show?: Show },
	list: ListMode,
	typed: TypedMode,
): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		...(options.show ? { displayOptions: { show: options.show } } : {}),
		description: options.description,
		modes: [
			{
				displayName: list.displayName ?? 'From List',
				name: 'list',
				type: 'list',
				placeholder: list.placeholder,
				typeOptions: {
					searchListMethod: list.searchListMethod,
					searchable: true,
					...(list.searchFilterRequired ? { searchFilterRequired: true } : {}),
				},
			},
			{
				displayName: typed.displayName ?? 'By ID',
				name: 'id',
				type: 'string',
				placeholder: typed.placeholder,
				...(typed.regex ? { validation: [{ type: 'regex', properties: typed.regex }] } : {}),
			},
		],
	};
}

/** A list mode "From List" filled by `searchListMethod`. */
export function fromListMode(placeholder: string, searchListMethod: string): ListMode {
	return { placeholder, searchListMethod };
}

/** A typed mode ("By ID" unless named otherwise), checked against `regex` when given. */
export function typedIdMode(placeholder: string, regex?: TypedMode['regex'], displayName?: string): TypedMode {
	return { placeholder, regex, displayName };
}
