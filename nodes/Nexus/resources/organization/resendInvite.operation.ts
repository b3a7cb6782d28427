import { functionRouting } from '../../shared/functions';
import type { NexusOperation } from '../../shared/operation';
import { inviteAction } from './invites';

export const resendInvite: NexusOperation = {
	option: {
		name: 'Resend Invite',
		value: 'resendInvite',
		action: 'Resend an invitation',
		description: 'Send a pending invitation again and extend its expiry (agent-invite resend)',
		routing: functionRouting('agent-invite', {
			what: 'invite',
			writes: true,
			safeToRepeat: false,
			body() {
				return inviteAction(this, 'resend');
			},
		}),
	},
	properties: [
		{
			displayName: 'Invite ID',
			name: 'inviteId',
			type: 'string',
			default: '',
			required: true,
			description: 'ID of the invitation, from Get Invites',
		},
	],
};
