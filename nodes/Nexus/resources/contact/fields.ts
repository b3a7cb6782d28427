import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toE164 } from '../../shared/phone';
import { collectionFields } from '../../shared/rowRouting';
import { splitList } from '../../../shared/parameters';
import { quoteValue } from '../../../shared/quote';

/** Columns of `customers` shown when Simplify is on. */
export const CONTACT_SIMPLE_COLUMNS = [
	'id',
	'first_name',
	'last_name',
	'email',
	'phone_number',
	'customer_label',
	'tags',
	'last_contact',
	'created_at',
	'updated_at',
];

export const CONTACT_COLUMNS_HINT =
	'id, first_name, last_name, email, phone_number, customer_label, customer_score, tags, assigned_to, journey_stage_id, lead_source_id, last_contact, next_follow_up, created_at, updated_at';

export const contactIdLocator = {
	name: 'contactId',
	displayName: 'Contact',
	searchMethod: 'searchContacts',
	what: 'contact (customer)',
};

export const CONTACT_ID = { parameter: 'contactId', label: 'Contact ID' };

export const defaultCountryCodeProperty: INodeProperties = {
	displayName: 'Default Country Code',
	name: 'defaultCountryCode',
	type: 'string',
	default: '',
	placeholder: 'e.g. 20',
	description:
		'Country calling code for phone numbers written without one (e.g. 01012345678 with 20 becomes +201012345678). Numbers with + or 00 keep their own.',
};

/** The optional columns of a contact, for Additional Fields (create) and Update Fields (update). */
export function contactFieldOptions(includeNames: boolean): INodeProperties[] {
	const names: INodeProperties[] = includeNames
		? [
				{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
				{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
			]
		: [];
	const all: INodeProperties[] = [
		...names,
		{
			displayName: 'Address',
			name: 'address',
			type: 'fixedCollection',
			default: {},
			placeholder: 'Add Address',
			options: [
				{
					displayName: 'Address',
					name: 'value',
					values: [
						{ displayName: 'City', name: 'city', type: 'string', default: '' },
						{ displayName: 'Country', name: 'country', type: 'string', default: '' },
						{ displayName: 'Line 1', name: 'line1', type: 'string', default: '' },
						{ displayName: 'Line 2', name: 'line2', type: 'string', default: '' },
					],
				},
			],
		},
		{ displayName: 'Assigned To', name: 'assigned_to', type: 'string', default: '', description: 'User ID of the team member' },
		{ displayName: 'Customer Label', name: 'customer_label', type: 'string', default: '' },
		{ displayName: 'Customer Score', name: 'customer_score', type: 'number', default: 0 },
		defaultCountryCodeProperty,
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
		{ displayName: 'Journey Stage ID', name: 'journey_stage_id', type: 'string', default: '' },
		{ displayName: 'Last Contact', name: 'last_contact', type: 'dateTime', default: '' },
		{ displayName: 'Lead Source ID', name: 'lead_source_id', type: 'string', default: '' },
		{ displayName: 'Next Follow Up', name: 'next_follow_up', type: 'dateTime', default: '' },
		{ displayName: 'Notes', name: 'notes', type: 'string', typeOptions: { rows: 3 }, default: '' },
		{
			displayName: 'Phone Number',
			name: 'phone_number',
			type: 'string',
			default: '',
			placeholder: 'e.g. +201234567890',
			description: 'Normalised to E.164 (+ and country code) before it is saved',
		},
		{ displayName: 'Shopify Customer ID', name: 'shopify_customer_id', type: 'string', default: '' },
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			description: 'Comma-separated tags; replaces the existing tags',
		},
	];
	return all.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Phone normalised to E.164, or a NodeOperationError naming the field. */
export function normalisedPhone(context: IExecuteSingleFunctions, value: unknown, countryCode: unknown, field: string): string {
	const phone = toE164(value, typeof countryCode === 'string' ? countryCode : undefined);
	if (!phone) {
		throw new NodeOperationError(context.getNode(), `${field} ${quoteValue(String(value))} is not a valid phone number`, {
			description:
				'Give the number with its country code, e.g. +201234567890, or set "Default Country Code" for numbers written without one.',
		});
	}
	return phone;
}

/** The required Phone Number of an operation that dials or messages a number, with Default Country Code beside it. */
export function phoneNumberProperty(description: string): INodeProperties {
	return {
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +201234567890',
		description,
	};
}

/** Phone Number in E.164, written without a country code taking Default Country Code's. */
export function readPhoneNumber(context: IExecuteSingleFunctions): string {
	return normalisedPhone(context, context.getNodeParameter('phoneNumber', ''), context.getNodeParameter('defaultCountryCode', ''), 'Phone Number');
}

/** A contact row from the fields of a collection parameter (plus top-level fields already read). */
export function contactRow(context: IExecuteSingleFunctions, collection: string, base: IDataObject = {}): IDataObject {
	const fields = collectionFields(context, collection);
	const countryCode = fields.defaultCountryCode ?? base.defaultCountryCode;
	delete fields.defaultCountryCode;
	const row: IDataObject = { ...base, ...fields };
	delete row.defaultCountryCode;
	if (row.phone_number !== undefined) {
		row.phone_number = normalisedPhone(context, row.phone_number, countryCode, 'Phone Number');
	}
	if (typeof row.tags === 'string') {
		row.tags = splitList(row.tags);
	}
	const address = (row.address as IDataObject | undefined)?.value as IDataObject | undefined;
	if (row.address !== undefined) {
		if (address && Object.values(address).some((value) => value !== '')) {
			row.address = Object.fromEntries(Object.entries(address).filter(([, value]) => value !== ''));
		} else delete row.address;
	}
	return row;
}
