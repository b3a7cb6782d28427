import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { quoteUnsafeIntegers } from '../../../shared/losslessJson';
import { quoteValue } from '../../../shared/quote';
import type { Show } from '../../../shared/operation';

/**
 * Attribute values of a record or list entry, entered as key/value rows or as one JSON object.
 * Rows keep the type an expression gives (numbers, arrays such as {{ ["a@b.co"] }}, objects such
 * as a {first_name, last_name} name); typed text stays text. JSON keeps integers above 2^53 exact
 * (they are sent as strings).
 */

export interface AttributeInputSettings {
	/** Where the dropdown of attribute slugs comes from. */
	loadOptionsMethod: 'getAttributes' | 'getRecordAttributes' | 'getListAttributes';
	loadOptionsDependsOn: string[];
	/** What the values are, for the field descriptions. */
	noun: string;
	example: string;
}

export function attributeInputFields(show: Show, settings: AttributeInputSettings): INodeProperties[] {
	return [
		{
			displayName: 'Attributes Input',
			name: 'attributesInput',
			type: 'options',
			default: 'keyValue',
			displayOptions: { show },
			description: `How to give the ${settings.noun}`,
			options: [
				{ name: 'Key/Value Rows', value: 'keyValue', description: 'One row per attribute' },
				{ name: 'JSON', value: 'json', description: 'One JSON object of attribute slug → value' },
			],
		},
		{
			displayName: 'Attributes',
			name: 'attributes',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Attribute',
			default: {},
			displayOptions: { show: { ...show, attributesInput: ['keyValue'] } },
			description: `The ${settings.noun}. Use an expression for numbers, lists or objects, e.g. {{ ["ada@example.com"] }}.`,
			options: [
				{
					displayName: 'Attribute',
					name: 'attribute',
					values: [
						{
							displayName: 'Attribute Name or ID',
							name: 'key',
							type: 'options',
							typeOptions: {
								loadOptionsMethod: settings.loadOptionsMethod,
								loadOptionsDependsOn: settings.loadOptionsDependsOn,
							},
							default: '',
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'Value to set; an expression may give a number, list or object',
						},
					],
				},
			],
		},
		{
			displayName: 'Attributes (JSON)',
			name: 'attributesJson',
			type: 'json',
			default: '{}',
			displayOptions: { show: { ...show, attributesInput: ['json'] } },
			description: `The ${settings.noun} as one JSON object of attribute slug → value, e.g. ${settings.example}`,
		},
	];
}

function isPlainObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The attribute object the user entered. Throws a NodeOperationError naming the field for
 * invalid JSON, a JSON value that is not an object, an empty or repeated attribute name, or
 * (when `required`) no attributes at all.
 */
export function readAttributes(context: IExecuteSingleFunctions, required: boolean): IDataObject {
	const node = context.getNode();
	const mode = context.getNodeParameter('attributesInput', 'keyValue') as string;
	let attributes: IDataObject = {};
	if (mode === 'json') {
		const raw = context.getNodeParameter('attributesJson', '') as unknown;
		let value: unknown = raw;
		if (typeof raw === 'string') {
			if (raw.trim() === '') {
				value = {};
			} else {
				try {
					value = JSON.parse(quoteUnsafeIntegers(raw));
				} catch (error) {
					throw new NodeOperationError(node, 'Attributes (JSON) is not valid JSON', {
						description: `${(error as Error).message}. Enter one JSON object such as {"name": "Ada Lovelace"}.`,
					});
				}
			}
		}
		if (!isPlainObject(value)) {
			throw new NodeOperationError(node, 'Attributes (JSON) must be a JSON object', {
				description: 'Enter one JSON object of attribute slug → value, such as {"name": "Ada Lovelace"}.',
			});
		}
		attributes = value;
	} else {
		const rows = context.getNodeParameter('attributes.attribute', []) as IDataObject[];
		rows.forEach((row, index) => {
			const key = typeof row.key === 'string' ? row.key.trim() : String(row.key ?? '').trim();
			if (key === '') {
				throw new NodeOperationError(node, `Attributes: the attribute name in row ${index + 1} is empty`, {
					description: 'Choose an attribute for every row, or remove the empty row.',
				});
			}
			if (Object.prototype.hasOwnProperty.call(attributes, key)) {
				throw new NodeOperationError(node, `Attributes: ${quoteValue(key)} is given more than once`, {
					description: 'Give each attribute once; use a list value (an expression) for several values.',
				});
			}
			attributes[key] = row.value as IDataObject[keyof IDataObject];
		});
	}
	if (required && Object.keys(attributes).length === 0) {
		throw new NodeOperationError(node, mode === 'json' ? 'Attributes (JSON) is empty' : 'Attributes is empty', {
			description: 'Give at least one attribute value.',
		});
	}
	return attributes;
}
