import { inviteActionOperation } from './invites';

export const resendInvite = inviteActionOperation('resend', {
	name: 'Resend Invite',
	value: 'resendInvite',
	action: 'Resend a pending invitation (sends immediately)',
	description: 'Send a pending invitation again and extend its expiry (agent-invite resend)',
});
