/** Organization invites: the same work as `POST /functions/v1/agent-invite`. */
import { s, type ToolDef } from '../toolkit';

const INVITE_ID = { invite_id: s.uuid('organization_invites.id') };

export const inviteTools: ToolDef[] = [
	{
		name: 'nexus_list_organization_invites',
		description: 'List organization invitations, newest first.',
		access: 'read',
		inputSchema: s.object({ status: s.str('Only this status (pending, accepted, cancelled)'), page: s.int('Page (from 1)', 1, undefined, 1), per_page: s.int('Invites per page (1-100)', 1, 100, 20) }),
		run: (ctx, args) => ctx.edge('agent-invite', { action: 'list', ...args }),
	},
	{
		name: 'nexus_invite_organization_member',
		description: 'Invite someone to the organization by email (sends the invitation email).',
		access: 'write',
		inputSchema: s.object({ email: s.str('Email address', { format: 'email' }), role: s.enum('Role (default member)', ['admin', 'manager', 'member', 'viewer']) }, ['email']),
		run: (ctx, args) => ctx.edge('agent-invite', { action: 'invite', ...args }),
	},
	{
		name: 'nexus_cancel_organization_invite',
		description: 'Cancel a pending invitation.',
		access: 'write',
		inputSchema: s.object(INVITE_ID, ['invite_id']),
		run: (ctx, args) => ctx.edge('agent-invite', { action: 'cancel', ...args }),
	},
	{
		name: 'nexus_resend_organization_invite',
		description: 'Send a pending invitation again (its expiry restarts).',
		access: 'write',
		inputSchema: s.object(INVITE_ID, ['invite_id']),
		run: (ctx, args) => ctx.edge('agent-invite', { action: 'resend', ...args }),
	},
];
