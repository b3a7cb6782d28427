import type { INodeProperties } from 'n8n-workflow';

/** The "Options" collection n8n nodes put optional settings under: each is added on demand. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}
