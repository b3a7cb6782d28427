import { NodeOperationError } from 'n8n-workflow';

import { simplifyProperty } from '../../shared/fields';
import { toQueryObject, type QueryPairs } from '../../shared/postgrest';
import type { Operation } from '../../../shared/operation';
import { parameterText } from '../../../shared/parameters';
import { CONTACT_SIMPLE_COLUMNS, defaultCountryCodeProperty, normalisedPhone } from './fields';
import { nexusExecutor } from '../../shared/transport';

/** `ilike` with LIKE's own wildcards escaped, so `a_b@x.com` matches only itself (any case). */
function exactCaseInsensitive(value: string): string {
	return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export const findContact: Operation = {
	option: {
		name: 'Find by Phone or Email',
		value: 'find',
		action: 'Find contacts by exact phone number or email',
		description: 'Find contacts whose phone number (normalised to E.164) or email (any case) matches exactly',
		routing: nexusExecutor.routing(
			{ method: 'GET', url: '/rest/v1/customers' },
			{
				safeToRepeat: true,
				what: 'contacts',
				request() {
					const findBy = this.getNodeParameter('findBy', 'phone') as string;
					const pairs: QueryPairs = [];
					if (findBy === 'email') {
						const email = parameterText(this, 'email');
						if (email === '') {
							throw new NodeOperationError(this.getNode(), 'Email is empty', { description: 'Enter the email address to look for.' });
						}
						// PostgREST turns * into % in patterns and offers no escape for it: match such emails exactly.
						pairs.push(['email', email.includes('*') ? `eq.${email}` : `ilike.${exactCaseInsensitive(email)}`]);
					} else {
						const phone = normalisedPhone(
							this,
							this.getNodeParameter('phoneNumber', ''),
							this.getNodeParameter('defaultCountryCode', ''),
							'Phone Number',
						);
						pairs.push(['phone_number', `eq.${phone}`]);
					}
					if (this.getNodeParameter('simplify', true)) pairs.push(['select', CONTACT_SIMPLE_COLUMNS.join(',')]);
					pairs.push(['order', 'created_at.asc,id.asc']);
					pairs.push(['limit', '100']);
					return { qs: toQueryObject(pairs) };
				},
			},
		),
	},
	properties: [
		{
			displayName: 'Find By',
			name: 'findBy',
			type: 'options',
			options: [
				{ name: 'Phone Number', value: 'phone' },
				{ name: 'Email', value: 'email' },
			],
			default: 'phone',
		},
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. +20 101 234 5678',
			description: 'Any common notation; normalised to E.164 before the search',
			displayOptions: { show: { findBy: ['phone'] } },
		},
		{ ...defaultCountryCodeProperty, displayOptions: { show: { findBy: ['phone'] } } },
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			displayOptions: { show: { findBy: ['email'] } },
		},
		simplifyProperty('contact'),
	],
};
