/**
 * Search → Search, over the MCP tool nexus_search: contacts, orders, inventory and conversations
 * at once, narrowed to the types chosen, at most Limit per Type of each.
 */
import { expectInputError, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest({ requestsPerMinute: 0 });
}, 60_000);
afterAll(async () => {
	await t?.close();
});

type Results = Record<string, Array<Record<string, unknown>>>;

test('Search → Search in contacts finds a contact by part of its email, and only contacts are searched', async () => {
	const [contact] = await t.sandbox.query(`select id::text, email from public.customers where organization_id = $1 and email is not null order by created_at, id limit 1`, [
		t.sandbox.orgs.a.id,
	]);
	const part = String(contact.email).split('@')[0].toUpperCase();
	const result = await t.run({ resource: 'search', operation: 'search', query: ` ${part} `, types: ['contacts'], limitPerType: 50 });
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(1);
	expect(result.items[0].query).toBe(part);
	const results = result.items[0].results as Results;
	expect(Object.keys(results)).toEqual(['contacts']);
	expect(results.contacts.map((row) => row.id)).toContain(contact.id);
});

test('Search → Search everywhere, at most Limit per Type of each', async () => {
	const result = await t.run({ resource: 'search', operation: 'search', query: '1', limitPerType: 1 });
	expect(result.error).toBeUndefined();
	const results = result.items[0].results as Results;
	expect(Object.keys(results).sort()).toEqual(['contacts', 'conversations', 'inventory', 'orders']);
	for (const rows of Object.values(results)) expect(rows).toHaveLength(1);
});

test('Search → Search: an empty Query or a Limit per Type above 50 is refused before anything is sent', async () => {
	expectInputError(await t.run({ resource: 'search', operation: 'search', query: ' ' }), 'Query is empty');
	expectInputError(await t.run({ resource: 'search', operation: 'search', query: 'a', limitPerType: 51 }), /Limit per Type/);
});
