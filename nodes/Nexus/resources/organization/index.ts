import { resourceProperties } from '../../../shared/operation';
import { cancelInvite } from './cancelInvite.operation';
import { getInvites } from './getInvites.operation';
import { getUsage } from './getUsage.operation';
import { inviteMember } from './invite.operation';
import { resendInvite } from './resendInvite.operation';

export const organizationDescription = resourceProperties(
	'organization',
	[cancelInvite, getInvites, getUsage, inviteMember, resendInvite],
	'getUsage',
);
