/**
 * Conversation Intelligence → Get Tag Definitions and Create or Update Tag Definition: the
 * organization's taxonomy as the sandbox stores it, a definition written then listed back, a
 * read-only key refused with the vendor's code and message, and slugs checked before sending.
 */
import { expectInputError, useNexusTest } from '../helpers';

const nexus = useNexusTest({ requestsPerMinute: 0 });

const ORG_A = () => nexus().sandbox.orgs.a.id;
const RESOURCE = 'conversationIntelligence';

async function storedTags(where = 'true'): Promise<string[]> {
	const rows = await nexus().sandbox.query(`select tag from public.ai_tag_definitions where organization_id = $1 and ${where}`, [ORG_A()]);
	return rows.map((row) => String(row.tag)).sort();
}

test('Get Tag Definitions: the active tags of the organization, then with Include Inactive the retired ones too', async () => {
	const active = await nexus().run({ resource: RESOURCE, operation: 'getTagDefinitions' });
	expect(active.error).toBeUndefined();
	expect(active.items.map((item) => item.tag).sort()).toEqual(await storedTags('is_active'));
	const every = await nexus().run({ resource: RESOURCE, operation: 'getTagDefinitions', filters: { includeInactive: true } });
	expect(every.error).toBeUndefined();
	expect(every.items.map((item) => item.tag).sort()).toEqual(await storedTags());
	expect(every.items.length).toBeGreaterThan(active.items.length);
});

test('Get Tag Definitions with a Category filter gives only that tag group', async () => {
	const result = await nexus().run({ resource: RESOURCE, operation: 'getTagDefinitions', filters: { category: 'pre_sale' } });
	expect(result.error).toBeUndefined();
	expect(result.items.map((item) => item.tag).sort()).toEqual(await storedTags(`is_active and category = 'pre_sale'`));
	expect(result.items.length).toBeGreaterThan(0);
});

test('Create or Update Tag Definition: a new tag is stored and listed, then changed and deactivated', async () => {
	const created = await nexus().run({
		resource: RESOURCE,
		operation: 'upsertTagDefinition',
		tag: 'gift_wrap',
		additionalFields: { category: 'pre_sale', description: 'Asks for gift wrapping' },
	});
	expect(created.error).toBeUndefined();
	expect(created.items).toEqual([expect.objectContaining({ tag: 'gift_wrap', scope: 'message', category: 'pre_sale', is_active: true })]);
	const listed = await nexus().run({ resource: RESOURCE, operation: 'getTagDefinitions', filters: { category: 'pre_sale' } });
	expect(listed.items).toContainEqual(expect.objectContaining({ tag: 'gift_wrap', description: 'Asks for gift wrapping' }));

	const changed = await nexus().run({
		resource: RESOURCE,
		operation: 'upsertTagDefinition',
		tag: 'gift_wrap',
		additionalFields: { description: 'Gift wrapping or a card', active: false },
	});
	expect(changed.error).toBeUndefined();
	const rows = await nexus().sandbox.query(`select description, is_active, category from public.ai_tag_definitions where organization_id = $1 and tag = 'gift_wrap'`, [ORG_A()]);
	expect(rows).toEqual([{ description: 'Gift wrapping or a card', is_active: false, category: 'pre_sale' }]);
	const activeOnly = await nexus().run({ resource: RESOURCE, operation: 'getTagDefinitions' });
	expect(activeOnly.items.map((item) => item.tag)).not.toContain('gift_wrap');
});

test('Create or Update Tag Definition with a read-only key is refused with the vendor code and message; nothing stored', async () => {
	const readOnly = nexus().credential({ apiKey: await nexus().sandbox.createApiKey({ org: 'a', scopes: ['read'] }) });
	const refused = await nexus().run({ resource: RESOURCE, operation: 'upsertTagDefinition', tag: 'refused_tag' }, { credential: readOnly });
	expect(refused.error?.message).toMatch(/insufficient_scope/);
	expect(refused.error?.message).toMatch(/nexus_update_ai_tag_definition needs the 'write' scope/);
	expect(String(refused.error?.description)).toMatch(/scope/);
	expect(await storedTags(`tag = 'refused_tag'`)).toEqual([]);
});

test('Create or Update Tag Definition: a Tag that is not a slug, or none, is refused before anything is sent', async () => {
	expectInputError(await nexus().run({ resource: RESOURCE, operation: 'upsertTagDefinition', tag: 'Gift Wrap' }), /^Tag /);
	expectInputError(await nexus().run({ resource: RESOURCE, operation: 'upsertTagDefinition', tag: '  ' }), /^Tag /);
	expectInputError(
		await nexus().run({ resource: RESOURCE, operation: 'upsertTagDefinition', tag: 'gift_wrap', additionalFields: { scope: 'Message!' } }),
		/^Scope /,
	);
});
