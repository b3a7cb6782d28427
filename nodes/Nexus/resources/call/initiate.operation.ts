import type { IDataObject } from 'n8n-workflow';

import { functionRouting } from '../../shared/functions';
import type { Operation } from '../../../shared/operation';
import { checkUuid } from '../../shared/uuid';
import { contactFieldValue, optionalContactField } from '../contact/contactField';
import { defaultCountryCodeProperty, phoneNumberProperty, readPhoneNumber } from '../contact/fields';
import { optionsCollection } from '../../../shared/collections';

export const initiateCall: Operation = {
	option: {
		name: 'Initiate',
		value: 'initiate',
		action: 'Call a phone number from the PBX (dials immediately)',
		description: 'Dial a phone number from the organization\'s PBX (call-initiate); the call is logged',
		routing: functionRouting('call-initiate', {
			what: 'call',
			writes: true,
			safeToRepeat: false,
			body() {
				const body: IDataObject = { phone_number: readPhoneNumber(this) };
				const options = this.getNodeParameter('options', {}) as IDataObject;
				const extension = String(options.extension ?? '').trim();
				if (extension !== '') body.extension = extension;
				const customerId = contactFieldValue(options.customerId);
				if (customerId !== '') {
					body.customer_id = checkUuid(this.getNode(), customerId, 'Contact ID', 'Give the UUID of the contact (customer) the call is for, or leave it empty.');
				}
				return body;
			},
		}),
	},
	properties: [
		phoneNumberProperty('Number to call; normalised to E.164 before sending'),
		defaultCountryCodeProperty,
		optionsCollection([
			optionalContactField('customerId', 'Contact', 'The contact (customer) to log the call against: pick it from the list, or give its ID (a UUID)'),
			{ displayName: 'Extension', name: 'extension', type: 'string', default: '', description: 'PBX extension that places the call' },
		]),
	],
};
