import type { INodeProperties } from 'n8n-workflow';

/** The collections n8n nodes put optional parameters under: each entry is added on demand. */

function collection(displayName: string, name: string, placeholder: string, options: INodeProperties[]): INodeProperties {
	return { displayName, name, type: 'collection', placeholder, default: {}, options };
}

/** "Options": optional settings of an operation or trigger. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return collection('Options', 'options', 'Add Option', options);
}

/** "Filters": optional conditions on what is read. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return collection('Filters', 'filters', 'Add Filter', options);
}
