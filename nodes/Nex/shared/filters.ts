import type { INodeProperties } from 'n8n-workflow';

/** n8n's usual "Filters" collection of a listing, holding the filters given. */
export function filtersCollection(filters: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: filters,
	};
}
