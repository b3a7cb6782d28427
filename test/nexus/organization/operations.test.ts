/**
 * Organization: usage (agent-usage) and invitations (agent-invite list / invite / cancel / resend).
 */
import { apiRequests, expectInputError, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

test('Get Usage returns the plan, counters and warnings', async () => {
	const { items, error, requests } = await t.run({ resource: 'organization', operation: 'getUsage' });
	expect(error).toBeUndefined();
	expect(apiRequests(requests)[0]).toMatchObject({ method: 'GET', path: '/functions/v1/agent-usage' });
	expect(items).toEqual([expect.objectContaining({ organization_id: t.sandbox.orgs.a.id, plan: 'growth', usage: expect.any(Object), warnings: expect.any(Array) })]);
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

test('Get Invites with a Limit pages through the edge function', async () => {
	for (let i = 0; i < 3; i++) {
		await t.run({ resource: 'organization', operation: 'invite', email: `bulk${i}@example.com`, role: 'member' });
	}
	const { items, error } = await t.run({ resource: 'organization', operation: 'getInvites', returnAll: false, limit: 2 });
	expect(error).toBeUndefined();
	expect(items).toHaveLength(2);
});

test('an invalid email is refused before sending', async () => {
	expectInputError(await t.run({ resource: 'organization', operation: 'invite', email: 'not-an-email' }), 'Email "not-an-email" is not a valid email address');
});
