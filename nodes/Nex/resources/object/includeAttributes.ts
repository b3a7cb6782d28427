import type { INodeProperties } from 'n8n-workflow';

/** The "Include Attributes" option of the object type and list listings (`include_attributes`). */
export function includeAttributesOption(description: string): INodeProperties {
	return {
		displayName: 'Include Attributes',
		name: 'includeAttributes',
		type: 'boolean',
		default: true,
		description,
		routing: { send: { type: 'query', property: 'include_attributes' } },
	};
}
