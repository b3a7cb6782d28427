import type { INodeProperties } from 'n8n-workflow';

/** A required text parameter, sent as the body property it is named after (`property` where the API spells it otherwise). */
export function requiredBodyText(
	displayName: string,
	name: string,
	texts: { placeholder: string; description: string },
	property = name,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: texts.placeholder,
		description: texts.description,
		routing: { send: { type: 'body', property } },
	};
}
