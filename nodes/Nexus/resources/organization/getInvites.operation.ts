import type { IDataObject } from 'n8n-workflow';

import { functionRouting } from '../../shared/functions';
import type { Operation } from '../../../shared/operation';
import { returnAllAndLimit } from '../../../shared/operation';
import { EDGE_PAGES } from '../../shared/paging';

export const getInvites: Operation = {
	option: {
		name: 'Get Invites',
		value: 'getInvites',
		action: 'List invitations to the organization, newest first',
		description: 'List invitations to join the organization, newest first (agent-invite list)',
		routing: functionRouting('agent-invite', {
			what: 'invites',
			safeToRepeat: true,
			items: 'data',
			paging: EDGE_PAGES,
			body() {
				const body: IDataObject = { action: 'list' };
				const status = String(this.getNodeParameter('status', '') ?? '');
				if (status !== '') body.status = status;
				return body;
			},
		}),
	},
	properties: [
		...returnAllAndLimit().map((property) =>
			property.name === 'returnAll'
				? {
						...property,
						description:
							'Whether to return all results or only up to a given limit. Invites are read in numbered pages: one met again on a later page (invites sent meanwhile shift the pages) is returned once; one that moves back across a page boundary while the pages are read can be missed.',
					}
				: property,
		),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Accepted', value: 'accepted' },
				{ name: 'Any', value: '' },
				{ name: 'Cancelled', value: 'cancelled' },
				{ name: 'Expired', value: 'expired' },
				{ name: 'Pending', value: 'pending' },
			],
			default: '',
			description: 'Only invitations in this status',
		},
	],
};
