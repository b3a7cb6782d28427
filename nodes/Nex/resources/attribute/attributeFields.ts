import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, PreSendAction } from 'n8n-workflow';
import type { Show } from '../../../shared/operation';
import type { PathTarget } from '../../shared/pathTarget';
import { OBJECT_TYPE_PATH_ID } from '../object/objectTypeLocator';
import { fromListMode, resourceLocator, typedIdMode } from '../../../shared/locator';

/** Attribute value types Nex accepts (CreateAttributeDefinitionRequest.type). */
export const ATTRIBUTE_TYPES = [
	{ name: 'Boolean', value: 'boolean' },
	{ name: 'Currency', value: 'currency' },
	{ name: 'Date', value: 'date' },
	{ name: 'Domain', value: 'domain' },
	{ name: 'Email', value: 'email' },
	{ name: 'Full Name', value: 'full_name' },
	{ name: 'Location', value: 'location' },
	{ name: 'Number', value: 'number' },
	{ name: 'Phone', value: 'phone' },
	{ name: 'Select', value: 'select' },
	{ name: 'Social Profile', value: 'social_profile' },
	{ name: 'Text', value: 'text' },
	{ name: 'URL', value: 'url' },
];

/** The attribute picker of update and delete: attributes of the chosen object type, or an id. */
export function attributeLocator(show: Show): INodeProperties {
	return resourceLocator(
		{ displayName: 'Attribute', name: 'attributeId', show, description: 'The attribute definition to change, from the chosen object type' },
		fromListMode('Select an attribute...', 'searchAttributes'),
		typedIdMode('e.g. 32710180831586571', { regex: '^[^/?#]+$', errorMessage: 'Enter the id alone, without "/"' }),
	);
}

/** Option flags: parameter name → body key under `options`. */
const OPTION_FLAGS: Record<string, string> = {
	isMultiValue: 'is_multi_value',
	isRequired: 'is_required',
	isUnique: 'is_unique',
	isWholeNumber: 'is_whole_number',
	useRawFormat: 'use_raw_format',
};

/**
 * preSend for create and update: moves the flags and select options of the `collection`
 * parameter into the body's `options` object as Nex expects it.
 */
export function attributeOptionsPreSend(collection: 'additionalFields' | 'updateFields'): PreSendAction {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
		const fields = this.getNodeParameter(collection, {}) as IDataObject;
		const options: IDataObject = {};
		for (const [parameter, key] of Object.entries(OPTION_FLAGS)) {
			if (typeof fields[parameter] === 'boolean') options[key] = fields[parameter];
		}
		const rows = ((fields.selectOptions as IDataObject | undefined)?.option ?? []) as IDataObject[];
		if (rows.length > 0) {
			options.select_options = rows.map((row) => {
				const option: IDataObject = { name: String(row.name ?? '') };
				if (typeof row.id === 'string' && row.id.trim() !== '') option.id = row.id.trim();
				return option;
			});
		}
		const body = (request.body ?? {}) as IDataObject;
		if (typeof fields.description === 'string') body.description = fields.description;
		if (typeof fields.name === 'string') body.name = fields.name;
		if (Object.keys(options).length > 0) body.options = options;
		request.body = body;
		return request;
	};
}

function flag(name: string, displayName: string, description: string): INodeProperties {
	return { displayName, name, type: 'boolean', default: false, description };
}

const FLAG_FIELDS = {
	isMultiValue: flag('isMultiValue', 'Multiple Values', 'Whether the attribute holds a list of values (e.g. several email addresses)'),
	isRequired: flag('isRequired', 'Required', 'Whether every record must have a value'),
	isUnique: flag('isUnique', 'Unique', 'Whether no two records may have the same value'),
	isWholeNumber: flag('isWholeNumber', 'Whole Number', 'Whether a number attribute only accepts integers'),
	useRawFormat: flag('useRawFormat', 'Raw Number Format', 'Whether a number attribute is stored and shown without formatting'),
};

function selectOptionsField(withId: boolean): INodeProperties {
	const values: INodeProperties[] = [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Label of the choice' },
	];
	if (withId) {
		values.push({
			displayName: 'ID',
			name: 'id',
			type: 'string',
			default: '',
			description: 'ID of an existing choice to rename; leave empty to add a new choice',
		});
	}
	return {
		displayName: 'Select Options',
		name: 'selectOptions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Choice',
		default: {},
		description: withId
			? 'The choices of a select attribute: give the ID of an existing choice to rename it, or only a name to add one'
			: 'The choices of a select attribute',
		options: [{ displayName: 'Choice', name: 'option', values }],
	};
}

const description: INodeProperties = { displayName: 'Description', name: 'description', type: 'string', default: '', description: 'What the attribute holds' };

/** Optional fields of create (everything the API takes besides name, slug and type). */
export const createAttributeOptionalFields: INodeProperties[] = [
	description,
	FLAG_FIELDS.isMultiValue,
	FLAG_FIELDS.useRawFormat,
	FLAG_FIELDS.isRequired,
	selectOptionsField(false),
	FLAG_FIELDS.isUnique,
	FLAG_FIELDS.isWholeNumber,
];

/** Fields update can change (UpdateAttributeDefinitionRequest: no unique / multi-value). */
export const updateAttributeFields: INodeProperties[] = [
	description,
	{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'New display name' },
	FLAG_FIELDS.useRawFormat,
	FLAG_FIELDS.isRequired,
	selectOptionsField(true),
	FLAG_FIELDS.isWholeNumber,
];

export const ATTRIBUTE_PATH_ID = { parameter: 'attributeId', label: 'Attribute' };

/** One attribute of an object type, as Update and Delete address it. */
export const ATTRIBUTE_TARGET: PathTarget = {
	url: '/v1/objects/{objectType}/attributes/{attributeId}',
	pathIds: [OBJECT_TYPE_PATH_ID, ATTRIBUTE_PATH_ID],
	notFound: 'object type or attribute',
};
