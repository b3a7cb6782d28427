/** Organization → Get Usage (agent-usage). */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

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
