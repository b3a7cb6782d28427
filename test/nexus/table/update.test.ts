/** Table → Update: the rows matching the filters. */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

test('Update changes only the rows matching the filters and outputs them', async () => {
	// This file's own row (the tests of each operation run on their own sandbox).
	await t.sandbox.query(`insert into public.lead_sources (organization_id, name) values ($1, 'TikTok')`, [t.sandbox.orgs.a.id]);
	const { items, error, requests } = await t.run({
		resource: 'table',
		operation: 'update',
		table: 'lead_sources',
		filters: { conditions: [{ column: 'name', operator: 'eq', value: 'TikTok' }] },
		json: '{"name": "TikTok Ads"}',
	});
	expect(error).toBeUndefined();
	expect(apiRequests(requests)[0]).toMatchObject({ method: 'PATCH', query: { name: 'eq.TikTok' }, body: { name: 'TikTok Ads' } });
	expect(items.map((item) => item.name)).toEqual(['TikTok Ads']);
	expect(await t.sandbox.query(`select count(*)::int as n from public.lead_sources where name = 'TikTok Ads'`)).toEqual([{ n: 1 }]);
});
