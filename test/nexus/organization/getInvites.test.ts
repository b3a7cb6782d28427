/** Organization → Get Invites (agent-invite), paged. */
import { startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

test('Get Invites with a Limit pages through the edge function', async () => {
	for (let i = 0; i < 3; i++) {
		await t.run({ resource: 'organization', operation: 'invite', email: `bulk${i}@example.com`, role: 'member' });
	}
	const { items, error } = await t.run({ resource: 'organization', operation: 'getInvites', returnAll: false, limit: 2 });
	expect(error).toBeUndefined();
	expect(items).toHaveLength(2);
});
