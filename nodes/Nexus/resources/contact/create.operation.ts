import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { createRowRouting } from '../../shared/rowRouting';
import { contactFieldOptions, contactRow } from './fields';
import { upsertColumnOption } from '../../shared/upsert';
import { additionalFieldsCollection, optionsCollection } from '../../../shared/collections';

export const createContact: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a contact (customer)',
		description: 'Create a contact (customer); the phone number is saved in E.164 form',
		routing: createRowRouting('customers', 'contact', function () {
			const row = contactRow(this, 'additionalFields', {
				first_name: (this.getNodeParameter('firstName', '') as string).trim() || undefined,
				phone_number: (this.getNodeParameter('phoneNumber', '') as string).trim() || undefined,
			});
			for (const key of Object.keys(row)) if (row[key] === undefined) delete row[key];
			if (!row.first_name && !row.last_name && !row.phone_number && !row.email) {
				throw new NodeOperationError(this.getNode(), 'First Name: a contact needs a name, a phone number or an email', {
					description: 'Fill in First Name or Phone Number, or add Last Name or Email under Additional Fields.',
				});
			}
			return row;
		}, { upsert: true }),
	},
	properties: [
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			default: '',
			placeholder: 'e.g. +201234567890',
			description: 'Normalised to E.164 (+ and country code) before it is saved',
		},
		additionalFieldsCollection(contactFieldOptions(false).concat([{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' }]).sort((a, b) => a.displayName.localeCompare(b.displayName))),
		optionsCollection([
			upsertColumnOption([
				{ name: 'Email', value: 'email' },
				{ name: 'Phone Number', value: 'phone_number' },
				{ name: 'Shopify Customer ID', value: 'shopify_customer_id' },
			]),
		]),
	],
};
