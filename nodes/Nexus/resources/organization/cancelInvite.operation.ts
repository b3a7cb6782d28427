import { inviteActionOperation } from './invites';

export const cancelInvite = inviteActionOperation('cancel', {
	name: 'Cancel Invite',
	value: 'cancelInvite',
	action: 'Cancel a pending invitation (its link stops working)',
	description: 'Cancel a pending invitation (agent-invite cancel)',
});
