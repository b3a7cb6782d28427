/** Organization → Invite, then Get Invites, Resend Invite and Cancel Invite on the invitation made (agent-invite). */
import { apiRequests, expectInputError, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

test('Invite, list, resend and cancel an invitation', async () => {
	const invited = await t.run({ resource: 'organization', operation: 'invite', email: 'new.packer@example.com', role: 'viewer' });
	expect(invited.error).toBeUndefined();
	expect(apiRequests(invited.requests)[0]).toMatchObject({ path: '/functions/v1/agent-invite', body: { action: 'invite', email: 'new.packer@example.com', role: 'viewer' } });
	const inviteId = String((invited.items[0].invite as { id: string }).id);

	const listed = await t.run({ resource: 'organization', operation: 'getInvites', returnAll: true, status: 'pending' });
	expect(listed.error).toBeUndefined();
	expect(apiRequests(listed.requests)[0]).toMatchObject({ body: { action: 'list', status: 'pending' }, query: { page: '1', per_page: '100' } });
	expect(listed.items.map((item) => item.email)).toContain('new.packer@example.com');
	expect(listed.items.every((item) => item.status === 'pending')).toBe(true);

	const resent = await t.run({ resource: 'organization', operation: 'resendInvite', inviteId });
	expect(resent.error).toBeUndefined();
	expect(apiRequests(resent.requests)[0].body).toEqual({ action: 'resend', invite_id: inviteId });
	expect(resent.items[0]).toMatchObject({ success: true, invite: { id: inviteId, resend_count: 1 } });

	const cancelled = await t.run({ resource: 'organization', operation: 'cancelInvite', inviteId });
	expect(cancelled.error).toBeUndefined();
	expect(apiRequests(cancelled.requests)[0].body).toEqual({ action: 'cancel', invite_id: inviteId });
	expect(await t.sandbox.query('select status from public.organization_invites where id = $1', [inviteId])).toEqual([{ status: 'cancelled' }]);
});

test('an invalid email is refused before sending', async () => {
	expectInputError(await t.run({ resource: 'organization', operation: 'invite', email: 'not-an-email' }), 'Email "not-an-email" is not a valid email address');
});
