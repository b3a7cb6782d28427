/**
 * Conversation Intelligence → Get Annotation Settings, Set Annotation Prompt and Update
 * Organization Context: what the sandbox stores, each write read back through the settings, a
 * read-only key refused with the vendor's code and message, and bad input stopped before sending.
 */
import { expectInputError, useNexusTest } from '../helpers';

const nexus = useNexusTest({ requestsPerMinute: 0 });

const ORG_A = () => nexus().sandbox.orgs.a.id;
const RESOURCE = 'conversationIntelligence';

async function settings() {
	const result = await nexus().run({ resource: RESOURCE, operation: 'getSettings' });
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(1);
	return result.items[0] as { prompts: Array<{ prompt_key: string; prompt_text: string }>; tag_definitions: Array<{ tag: string }>; profile: Record<string, unknown> };
}

test('Get Annotation Settings: the prompts, active tag definitions and profile the organization has', async () => {
	const got = await settings();
	const prompts = await nexus().sandbox.query('select prompt_key, prompt_text from public.org_ai_prompts where organization_id = $1 order by prompt_key', [ORG_A()]);
	expect(got.prompts.map(({ prompt_key, prompt_text }) => ({ prompt_key, prompt_text }))).toEqual(prompts);
	const tags = await nexus().sandbox.query('select tag from public.ai_tag_definitions where organization_id = $1 and is_active', [ORG_A()]);
	expect(got.tag_definitions.map((entry) => entry.tag).sort()).toEqual(tags.map((row) => row.tag).sort());
	const [profile] = await nexus().sandbox.query('select industry from public.org_ai_profile where organization_id = $1', [ORG_A()]);
	expect(got.profile.industry).toBe(profile.industry);
});

test('Set Annotation Prompt, then the settings show the new text', async () => {
	const text = 'Tag each message with every taxonomy slug that applies; prefer order_status for delivery questions.';
	const set = await nexus().run({ resource: RESOURCE, operation: 'setPrompt', promptKey: 'tag_group', promptText: text });
	expect(set.error).toBeUndefined();
	expect(set.items).toEqual([expect.objectContaining({ prompt_key: 'tag_group', prompt_text: text })]);
	const got = await settings();
	expect(got.prompts.find((prompt) => prompt.prompt_key === 'tag_group')?.prompt_text).toBe(text);
	const stored = await nexus().sandbox.query(`select prompt_text from public.org_ai_prompts where organization_id = $1 and prompt_key = 'tag_group'`, [ORG_A()]);
	expect(stored).toEqual([{ prompt_text: text }]);
});

test('Set Annotation Prompt with a read-only key is refused with the vendor code and message; the prompt is unchanged', async () => {
	const before = await nexus().sandbox.query(`select prompt_text from public.org_ai_prompts where organization_id = $1 and prompt_key = 'tag_message'`, [ORG_A()]);
	const readOnly = nexus().credential({ apiKey: await nexus().sandbox.createApiKey({ org: 'a', scopes: ['read'] }) });
	const refused = await nexus().run({ resource: RESOURCE, operation: 'setPrompt', promptKey: 'tag_message', promptText: 'Replaced' }, { credential: readOnly });
	expect(refused.error?.message).toMatch(/insufficient_scope/);
	expect(refused.error?.message).toMatch(/nexus_set_org_ai_annotation_prompt needs the 'write' scope; this API key has read/);
	expect(String(refused.error?.description)).toMatch(/scope/);
	expect(await nexus().sandbox.query(`select prompt_text from public.org_ai_prompts where organization_id = $1 and prompt_key = 'tag_message'`, [ORG_A()])).toEqual(before);
});

test('Set Annotation Prompt with an empty Prompt Text is refused before anything is sent', async () => {
	expectInputError(await nexus().run({ resource: RESOURCE, operation: 'setPrompt', promptKey: 'tag_message', promptText: '  ' }), /^Prompt Text /);
	expectInputError(await nexus().run({ resource: RESOURCE, operation: 'setPrompt', promptKey: 'tag_message', promptText: 'x'.repeat(20_001) }), /^Prompt Text /);
});

test('Update Organization Context: the industry and vocabulary list are stored, the rest kept, and the settings show them', async () => {
	const [before] = await nexus().sandbox.query('select business_summary from public.org_ai_profile where organization_id = $1', [ORG_A()]);
	const updated = await nexus().run({
		resource: RESOURCE,
		operation: 'updateContext',
		updateFields: { industry: 'footwear', customVocabulary: 'COD, AWB,\nsize chart' },
	});
	expect(updated.error).toBeUndefined();
	const [row] = await nexus().sandbox.query('select industry, custom_vocabulary, business_summary from public.org_ai_profile where organization_id = $1', [ORG_A()]);
	expect(row).toEqual({ industry: 'footwear', custom_vocabulary: ['COD', 'AWB', 'size chart'], business_summary: before.business_summary });
	const got = await settings();
	expect(got.profile).toEqual(expect.objectContaining({ industry: 'footwear', custom_vocabulary: ['COD', 'AWB', 'size chart'] }));
});

test('Update Organization Context with nothing to change is refused before anything is sent', async () => {
	expectInputError(await nexus().run({ resource: RESOURCE, operation: 'updateContext', updateFields: {} }), /^Update Fields/);
});
