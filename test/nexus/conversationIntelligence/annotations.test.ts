/**
 * Conversation Intelligence → Get Message Annotations, Get Message Annotation and Update Message
 * Annotation: the annotations the sandbox stores (Limit, Return All across pages, filters), an
 * annotation corrected then read back, the vendor's refusal of an unknown tag, and ids and slugs
 * checked before sending.
 */
import { apiRequests, expectInputError, useNexusTest } from '../helpers';

const nexus = useNexusTest({ requestsPerMinute: 0 });

const ORG_A = () => nexus().sandbox.orgs.a.id;
const RESOURCE = 'conversationIntelligence';

function toolCalls(run: { requests: Parameters<typeof apiRequests>[0] }): Array<{ name?: string; arguments?: Record<string, unknown> }> {
	return apiRequests(run.requests)
		.map((request) => (request.body as { method?: string; params?: { name?: string; arguments?: Record<string, unknown> } }) ?? {})
		.filter((body) => body.method === 'tools/call')
		.map((body) => body.params ?? {});
}

test('Get Message Annotations: Limit, then Return All gives every annotation of the organization once, across pages', async () => {
	const all = await nexus().sandbox.query('select id from public.ai_message_annotations where organization_id = $1', [ORG_A()]);
	expect(all.length).toBeGreaterThan(2);
	const some = await nexus().run({ resource: RESOURCE, operation: 'getAnnotations', limit: 2 });
	expect(some.error).toBeUndefined();
	expect(some.items).toHaveLength(2);
	expect(toolCalls(some)).toEqual([{ name: 'nexus_list_message_annotations', arguments: { limit: 2 } }]);

	const every = await nexus().run({ resource: RESOURCE, operation: 'getAnnotations', returnAll: true });
	expect(every.error).toBeUndefined();
	expect(every.items.map((item) => item.id).sort()).toEqual(all.map((row) => row.id).sort());
});

test('Get Message Annotations with Conversation ID and Tag filters', async () => {
	const [chat] = await nexus().sandbox.query(
		`select chat_id from public.ai_message_annotations where organization_id = $1 and 'sizing' = any(tags) group by chat_id order by count(*) desc limit 1`,
		[ORG_A()],
	);
	const expected = await nexus().sandbox.query(`select id from public.ai_message_annotations where chat_id = $1 and 'sizing' = any(tags)`, [chat.chat_id]);
	const result = await nexus().run({ resource: RESOURCE, operation: 'getAnnotations', returnAll: true, filters: { chatId: String(chat.chat_id), tag: 'sizing' } });
	expect(result.error).toBeUndefined();
	expect(result.items.map((item) => item.id).sort()).toEqual(expected.map((row) => row.id).sort());
});

test('Get Message Annotation: the message with its annotation, and null for a message not annotated', async () => {
	const [annotated] = await nexus().sandbox.query('select message_id, tags from public.ai_message_annotations where organization_id = $1 limit 1', [ORG_A()]);
	const got = await nexus().run({ resource: RESOURCE, operation: 'getAnnotation', messageId: annotated.message_id });
	expect(got.error).toBeUndefined();
	expect(got.items).toEqual([
		expect.objectContaining({ message: expect.objectContaining({ id: annotated.message_id }), annotation: expect.objectContaining({ tags: annotated.tags }) }),
	]);
	const [bare] = await nexus().sandbox.query(
		`select m.id from public.messages m join public.chats c on c.id = m.chat_id
		where c.organization_id = $1 and not exists (select 1 from public.ai_message_annotations a where a.message_id = m.id) limit 1`,
		[ORG_A()],
	);
	const none = await nexus().run({ resource: RESOURCE, operation: 'getAnnotation', messageId: bare.id });
	expect(none.error).toBeUndefined();
	expect(none.items).toEqual([expect.objectContaining({ message: expect.objectContaining({ id: bare.id }), annotation: null })]);
});

test('Update Message Annotation: tags, sentiment and summary are stored, then read back with Get Message Annotation', async () => {
	const [annotated] = await nexus().sandbox.query(`select message_id from public.ai_message_annotations where organization_id = $1 and 'sizing' = any(tags) limit 1`, [ORG_A()]);
	const updated = await nexus().run({
		resource: RESOURCE,
		operation: 'updateAnnotation',
		messageId: annotated.message_id,
		updateFields: { tags: 'complaint, order_status', sentiment: 'negative', summary: 'Parcel late, customer unhappy' },
	});
	expect(updated.error).toBeUndefined();
	expect(toolCalls(updated).at(-1)?.arguments?.tags).toEqual(['complaint', 'order_status']);
	const readBack = await nexus().run({ resource: RESOURCE, operation: 'getAnnotation', messageId: annotated.message_id });
	expect(readBack.items[0].annotation).toEqual(
		expect.objectContaining({ tags: ['complaint', 'order_status'], tag_group: 'support', sentiment: 'negative', summary: 'Parcel late, customer unhappy', source: 'manual' }),
	);
});

test('Update Message Annotation with a tag the organization does not have keeps the vendor code and message', async () => {
	const [annotated] = await nexus().sandbox.query('select message_id, tags from public.ai_message_annotations where organization_id = $1 limit 1', [ORG_A()]);
	const refused = await nexus().run({ resource: RESOURCE, operation: 'updateAnnotation', messageId: annotated.message_id, updateFields: { tags: 'no_such_tag' } });
	expect(refused.error?.message).toMatch(/unknown_tag/);
	expect(refused.error?.message).toMatch(/Not an active message tag of this organization: no_such_tag/);
	const [after] = await nexus().sandbox.query('select tags from public.ai_message_annotations where message_id = $1', [annotated.message_id]);
	expect(after.tags).toEqual(annotated.tags);
});

test('Message Annotation ids and tags are checked before anything is sent', async () => {
	expectInputError(await nexus().run({ resource: RESOURCE, operation: 'getAnnotation', messageId: '../x' }), /^Message ID /);
	expectInputError(await nexus().run({ resource: RESOURCE, operation: 'getAnnotation', messageId: '={{ "" }}' }), /^Message ID /);
	const [annotated] = await nexus().sandbox.query('select message_id from public.ai_message_annotations where organization_id = $1 limit 1', [ORG_A()]);
	expectInputError(await nexus().run({ resource: RESOURCE, operation: 'updateAnnotation', messageId: annotated.message_id, updateFields: { tags: 'Late Delivery' } }), /^Tags /);
	expectInputError(await nexus().run({ resource: RESOURCE, operation: 'updateAnnotation', messageId: annotated.message_id, updateFields: {} }), /^Update Fields/);
	expectInputError(await nexus().run({ resource: RESOURCE, operation: 'getAnnotations', returnAll: true, filters: { chatId: 'chat-1' } }), /^Conversation ID /);
	expectInputError(await nexus().run({ resource: RESOURCE, operation: 'getAnnotations', returnAll: true, filters: { since: 'yesterday-ish' } }), /^Since /);
});

test('Get Message Annotations → Return All reads page after page of 100 until the tool says there are no more', async () => {
	const [chat] = await nexus().sandbox.query('select id from public.chats where organization_id = $1 order by id limit 1', [ORG_A()]);
	await nexus().sandbox.query(
		`with m as (
			insert into public.messages (organization_id, chat_id, content, direction, "timestamp")
			select $1, $2, 'Price of item ' || n, 'inbound', now() - make_interval(mins => n) from generate_series(1, 230) n
			returning id, chat_id)
		insert into public.ai_message_annotations (organization_id, message_id, chat_id, tags, tag_group, intent)
		select $1, id, chat_id, '{pricing}', 'pre_sale', 'ask_price' from m`,
		[ORG_A(), chat.id],
	);
	const all = await nexus().sandbox.query('select id from public.ai_message_annotations where organization_id = $1', [ORG_A()]);
	expect(all.length).toBeGreaterThan(230);
	const every = await nexus().run({ resource: RESOURCE, operation: 'getAnnotations', returnAll: true });
	expect(every.error).toBeUndefined();
	expect(every.items.map((item) => item.id).sort()).toEqual(all.map((row) => row.id).sort());
	const pages = Array.from({ length: Math.ceil(all.length / 100) }, (_, page) => (page === 0 ? { limit: 100 } : { limit: 100, offset: page * 100 }));
	expect(pages.length).toBeGreaterThan(2);
	expect(toolCalls(every).map((call) => call.arguments)).toEqual(pages);
});
