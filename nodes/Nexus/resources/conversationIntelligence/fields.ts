import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { NodeRef } from '../../../shared/context';
import { asText, invalidInput, splitList } from '../../../shared/parameters';
import { quoteValue } from '../../../shared/quote';
import { readUuid } from '../../shared/uuid';

/** Tag and scope slugs as the vendor's schema allows them. */
const SLUG = /^[a-z0-9][a-z0-9_]*$/;

export const messageIdProperty: INodeProperties = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	required: true,
	default: '',
	description: 'ID of the customer message',
};

export function readMessageId(context: IExecuteSingleFunctions): string {
	return readUuid(context, 'messageId', 'Message ID');
}

/** A slug (lower-case letters, digits, underscores), or an error naming the field. */
export function checkSlug(context: NodeRef, value: unknown, label: string): string {
	const text = asText(value).trim();
	if (text === '') throw invalidInput(context, `${label} is empty`, `Enter the ${label}: a slug such as order_status.`);
	if (!SLUG.test(text)) {
		throw invalidInput(
			context,
			`${label} ${quoteValue(text)} is not a slug`,
			'Use lower-case letters, digits and underscores, starting with a letter or digit (for example order_status).',
		);
	}
	return text;
}

/** Slugs from a comma-separated text or an array (an empty text gives no slugs). */
export function readSlugs(context: NodeRef, value: unknown, label: string): string[] {
	return splitList(value).map((slug) => checkSlug(context, slug, label));
}

/** The filled text fields of a collection under the tool's argument names, e.g. `{ tagGroup: 'tag_group' }`. */
export function textArguments(fields: IDataObject, names: Record<string, string>): IDataObject {
	const args: IDataObject = {};
	for (const [field, argument] of Object.entries(names)) {
		const value = asText(fields[field]).trim();
		if (value !== '') args[argument] = value;
	}
	return args;
}

/** Stops an update that would change nothing (the tool refuses it; nothing is sent). */
export function requireChanges(context: NodeRef, changes: IDataObject, fieldNames: string): IDataObject {
	if (Object.keys(changes).length === 0) {
		throw invalidInput(context, 'Update Fields: add at least one field to change', `Add ${fieldNames}. Nothing was sent.`);
	}
	return changes;
}

/** "Additional Fields" or "Update Fields": optional parameters, each added on demand. */
export function fieldsCollection(name: 'additionalFields' | 'updateFields', options: INodeProperties[]): INodeProperties {
	return { displayName: name === 'updateFields' ? 'Update Fields' : 'Additional Fields', name, type: 'collection', placeholder: 'Add Field', default: {}, options };
}

/** A text field of an Additional/Update Fields collection. */
export function textField(displayName: string, name: string, description: string): INodeProperties {
	return { displayName, name, type: 'string', default: '', description };
}

/** A list field (comma-separated text) of an Update Fields collection. */
export function listField(displayName: string, name: string, description: string): INodeProperties {
	return { displayName, name, type: 'string', default: '', description: `${description}, separated by commas; empty clears the list` };
}

export function optionsOf(values: string[]): Array<{ name: string; value: string }> {
	return values.map((value) => ({ name: value.charAt(0).toUpperCase() + value.slice(1), value }));
}
