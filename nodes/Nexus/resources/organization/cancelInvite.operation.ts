import { functionRouting } from '../../shared/functions';
import type { NexusOperation } from '../../shared/operation';
import { inviteAction } from './invites';

export const cancelInvite: NexusOperation = {
	option: {
		name: 'Cancel Invite',
		value: 'cancelInvite',
		action: 'Cancel an invitation',
		description: 'Cancel a pending invitation (agent-invite cancel)',
		routing: functionRouting('agent-invite', {
			what: 'invite',
			writes: true,
			safeToRepeat: false,
			body() {
				return inviteAction(this, 'cancel');
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
