/** Conversation → Get Many (chats). */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Conversation', () => {
	test('Get Many lists open chats of the chosen platforms, most recent first', async () => {
		const { items, error, requests } = await t.run({ resource: 'conversation', operation: 'getAll', returnAll: true, platforms: ['facebook', 'instagram'] });
		expect(error).toBeUndefined();
		const [get] = apiRequests(requests);
		expect(get.query).toMatchObject({ platform: 'in.(facebook,instagram)', is_archived: 'eq.false', order: 'last_message_time.desc.nullslast,id.asc' });
		const expected = await t.sandbox.query(
			`select id from public.chats where organization_id = $1 and platform in ('facebook','instagram') and not is_archived order by last_message_time desc nulls last, id`,
			[orgA()],
		);
		expect(items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
	});

	test('Include Archived adds the archived chats', async () => {
		const { items, requests } = await t.run({ resource: 'conversation', operation: 'getAll', returnAll: true, includeArchived: true });
		expect(apiRequests(requests)[0].query).not.toHaveProperty('is_archived');
		expect(items.some((item) => item.is_archived === true)).toBe(true);
	});
});
