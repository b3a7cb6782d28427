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
	// This file's own rows (the tests of each operation run on their own sandbox).
	await t.sandbox.query(`insert into public.lead_sources (organization_id, name) values ($1, 'TikTok Ads'), ($1, 'Instagram Influencer')`, [t.sandbox.orgs.a.id]);
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
