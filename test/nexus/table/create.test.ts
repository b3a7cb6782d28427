/** Table → Create: rows of any table by name. */
import { apiRequests, expectInputError, header, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

test('Create inserts several rows with the organization filled in and outputs them', async () => {
	const rows = [
		{ name: 'Instagram Influencer' },
		{ name: 'TikTok' },
	];
	const { items, error, requests } = await t.run({ resource: 'table', operation: 'create', table: 'lead_sources', json: JSON.stringify(rows) });
	expect(error).toBeUndefined();
	const post = apiRequests(requests).find((entry) => entry.method === 'POST');
	expect(post?.body).toEqual(rows.map((row) => ({ ...row, organization_id: orgA() })));
	expect(header(post!, 'prefer')).toContain('return=representation');
	expect(items.map((item) => item.name)).toEqual(['Instagram Influencer', 'TikTok']);
});

test('Create with Auto-Map refuses an input item without columns before sending', async () => {
	// The manual trigger's item is empty.
	expectInputError(await t.run({ resource: 'table', operation: 'create', table: 'lead_sources', dataMode: 'autoMap' }), 'Rows (JSON): row 1 has no columns');
});
