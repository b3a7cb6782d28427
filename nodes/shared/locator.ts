import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

import type { Show } from './operation';

/** A required resource locator, starting in its list mode (shown for `show` when given). */
export function resourceLocator(
	options: { displayName: string; name: string; description: string; show?: Show },
	modes: INodePropertyMode[],
): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		...(options.show ? { displayOptions: { show: options.show } } : {}),
		description: options.description,
		modes,
	};
}

/** The "From List" mode: a searchable list filled by `searchListMethod`. */
export function fromListMode(placeholder: string, searchListMethod: string): INodePropertyMode {
	return { displayName: 'From List', name: 'list', type: 'list', placeholder, typeOptions: { searchListMethod, searchable: true } };
}

/** A typed mode ("By ID" unless named otherwise), checked against `regex` in the editor when given. */
export function typedIdMode(placeholder: string, regex?: { regex: string; errorMessage: string }, displayName = 'By ID'): INodePropertyMode {
	return {
		displayName,
		name: 'id',
		type: 'string',
		placeholder,
		...(regex ? { validation: [{ type: 'regex', properties: regex }] } : {}),
	};
}
