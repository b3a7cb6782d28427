/** Table → Delete: the rows matching the filters. */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

test('Delete removes only the rows matching the filters and outputs them', async () => {
	const { items, error, requests } = await t.run({
		resource: 'table',
		operation: 'delete',
		table: 'lead_sources',
		filters: { conditions: [{ column: 'name', operator: 'in', value: '["TikTok Ads", "Instagram Influencer"]' }] },
	});
	expect(error).toBeUndefined();
	expect(apiRequests(requests)[0]).toMatchObject({ method: 'DELETE', query: { name: 'in.("TikTok Ads","Instagram Influencer")' } });
	expect(items.map((item) => item.name).sort()).toEqual(['Instagram Influencer', 'TikTok Ads']);
	expect(await t.sandbox.query(`select count(*)::int as n from public.lead_sources where name in ('TikTok Ads', 'Instagram Influencer')`)).toEqual([{ n: 0 }]);
});
