import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { functionRouting } from '../../shared/functions';
import type { Operation } from '../../../shared/operation';
import { defaultCountryCodeProperty, phoneNumberProperty, readPhoneNumber } from '../contact/fields';

export const sendWhatsappTemplate: Operation = {
	option: {
		name: 'Send WhatsApp Template',
		value: 'whatsappTemplate',
		action: 'Send a WhatsApp template to a phone number (sends immediately)',
		description: 'Send an approved WhatsApp template to a phone number, e.g. to open a conversation (whatsapp-send-template)',
		routing: functionRouting('whatsapp-send-template', {
			what: 'template',
			writes: true,
			safeToRepeat: false,
			body() {
				const phone = readPhoneNumber(this);
				const templateName = String(this.getNodeParameter('templateName', '')).trim();
				if (templateName === '') {
					throw new NodeOperationError(this.getNode(), 'Template Name is empty', { description: 'Enter the name of an approved template, e.g. order_confirmation.' });
				}
				const language = String(this.getNodeParameter('language', 'en_US')).trim() || 'en_US';
				const raw = this.getNodeParameter('components', '[]') as unknown;
				let components: unknown = raw;
				if (typeof raw === 'string') {
					const text = raw.trim() === '' ? '[]' : raw;
					components = undefined;
					try {
						components = JSON.parse(text) as unknown;
					} catch {
						components = undefined;
					}
				}
				if (!Array.isArray(components)) {
					throw new NodeOperationError(this.getNode(), 'Components must be a JSON array', {
						description: 'E.g. [{"type": "body", "parameters": [{"type": "text", "text": "Ahmed"}]}], or [] for a template without variables.',
					});
				}
				const body: IDataObject = { phone_number: phone, template_name: templateName, language, components: components as IDataObject[] };
				return body;
			},
		}),
	},
	properties: [
		phoneNumberProperty('Recipient; normalised to E.164 before sending'),
		defaultCountryCodeProperty,
		{
			displayName: 'Template Name',
			name: 'templateName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. order_confirmation',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'string',
			default: 'en_US',
			description: 'Language code of the template, e.g. en_US or ar',
		},
		{
			displayName: 'Components',
			name: 'components',
			type: 'json',
			default: '[]',
			description: 'Template variables as WhatsApp components, e.g. [{"type": "body", "parameters": [{"type": "text", "text": "Ahmed"}]}]',
		},
	],
};
