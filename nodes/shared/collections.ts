import type { INodeProperties } from 'n8n-workflow';

import type { Show } from './operation';

/** The collections n8n nodes put optional parameters under: each entry is added on demand. */

function collection(displayName: string, name: string, placeholder: string, options: INodeProperties[]): INodeProperties {
	return { displayName, name, type: 'collection', placeholder, default: {}, options };
}

/** "Options": optional settings of an operation or trigger (shown for `show` when given). */
export function optionsCollection(options: INodeProperties[], show?: Show): INodeProperties {
	return shownFor(collection('Options', 'options', 'Add Option', options), show);
}

/** "Filters": optional conditions on what is read. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return collection('Filters', 'filters', 'Add Filter', options);
}

/** "Additional Fields": a create operation's optional fields (shown for `show` when given). */
export function additionalFieldsCollection(options: INodeProperties[], show?: Show): INodeProperties {
	return shownFor(collection('Additional Fields', 'additionalFields', 'Add Field', options), show);
}

/** "Update Fields": what an update changes; fields not added stay as they are (shown for `show` when given). */
export function updateFieldsCollection(options: INodeProperties[], show?: Show): INodeProperties {
	return shownFor(collection('Update Fields', 'updateFields', 'Add Field', options), show);
}

function shownFor(property: INodeProperties, show: Show | undefined): INodeProperties {
	return show ? { ...property, displayOptions: { show } } : property;
}
