import { NodeOperationError } from 'n8n-workflow';

import { functionRouting } from '../../shared/functions';
import type { Operation } from '../../../shared/operation';
import { parameterText } from '../../../shared/parameters';
import { quoteValue } from '../../../shared/quote';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const inviteMember: Operation = {
	option: {
		name: 'Invite Member',
		value: 'invite',
		action: 'Invite a member by email (sends immediately)',
		description: 'Email an invitation to join the organization (agent-invite invite)',
		routing: functionRouting('agent-invite', {
			what: 'invite',
			writes: true,
			safeToRepeat: false,
			body() {
				const email = parameterText(this, 'email');
				if (!EMAIL.test(email)) {
					throw new NodeOperationError(this.getNode(), `Email ${quoteValue(email)} is not a valid email address`, {
						description: 'Enter the address of the person to invite, e.g. name@email.com.',
					});
				}
				const role = String(this.getNodeParameter('role', 'member')).trim() || 'member';
				return { action: 'invite', email, role };
			},
		}),
	},
	properties: [
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', required: true },
		{
			displayName: 'Role',
			name: 'role',
			type: 'options',
			options: [
				{ name: 'Admin', value: 'admin' },
				{ name: 'Manager', value: 'manager' },
				{ name: 'Member', value: 'member' },
				{ name: 'Viewer', value: 'viewer' },
			],
			default: 'member',
			description: 'Role of the new member in the organization',
		},
	],
};
