import type { INodeProperties } from 'n8n-workflow';

/** A required text parameter (`rows` lines tall when given), sent as the body property it is named after (`property` where the API spells it otherwise). */
export function requiredBodyText(
	displayName: string,
	name: string,
	texts: { placeholder: string; description: string; rows?: number },
	property = name,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		...(texts.rows === undefined ? {} : { typeOptions: { rows: texts.rows } }),
		required: true,
		default: '',
		placeholder: texts.placeholder,
		description: texts.description,
		routing: { send: { type: 'body', property } },
	};
}

/** An optional text parameter, sent as the body property it is named after (`property` where the API spells it otherwise). */
export function bodyText(
	displayName: string,
	name: string,
	description: string,
	options: { property?: string; placeholder?: string } = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		...(options.placeholder === undefined ? {} : { placeholder: options.placeholder }),
		description,
		routing: { send: { type: 'body', property: options.property ?? name } },
	};
}
