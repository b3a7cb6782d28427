import { inviteActionOperation } from './invites';

export const cancelInvite = inviteActionOperation('cancel', {
	name: 'Cancel Invite',
	value: 'cancelInvite',
	action: 'Cancel an invitation',
	description: 'Cancel a pending invitation (agent-invite cancel)',
});
