/** Call Log → Create, Update Agent Notes (call_logs). */
import { apiRequests, expectInputError, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

describe('Call Log writes', () => {
	test('Create stores the call with its organization and outputs it', async () => {
		const customer = (await t.sandbox.query('select id from public.customers where organization_id = $1 limit 1', [orgA()]))[0] as { id: string };
		const { items, error, requests } = await t.run({
			resource: 'callLog',
			operation: 'create',
			callDate: '2026-03-05T14:30:00.000Z',
			callerNumber: '+201234567890',
			calledNumber: '+20225550000',
			additionalFields: { direction: 'inbound', status: 'missed', duration_seconds: 0, unique_id: '1709649000.42', customer_id: t.rl('id', customer.id) },
		});
		expect(error).toBeUndefined();
		const posts = apiRequests(requests).filter((entry) => entry.method === 'POST');
		expect(posts).toHaveLength(1);
		expect(posts[0]).toMatchObject({ path: '/rest/v1/call_logs', body: { caller_number: '+201234567890', called_number: '+20225550000', unique_id: '1709649000.42', customer_id: customer.id } });
		const rows = await t.sandbox.query('select organization_id, status::text, direction::text, customer_id, unique_id from public.call_logs where id = $1', [String(items[0].id)]);
		expect(rows).toEqual([{ organization_id: orgA(), status: 'missed', direction: 'inbound', customer_id: customer.id, unique_id: '1709649000.42' }]);
	});

	test('Create without a called number, or with a date that is not one, is refused before sending', async () => {
		expectInputError(
			await t.run({ resource: 'callLog', operation: 'create', callDate: '2026-03-05T14:30:00Z', callerNumber: '+201234567890', calledNumber: '={{ "" }}' }),
			'Called Number is empty',
		);
		expectInputError(
			await t.run({ resource: 'callLog', operation: 'create', callDate: '={{ "yesterday-ish" }}', callerNumber: '+201234567890', calledNumber: '+20225550000' }),
			'Call Date "yesterday-ish" is not a date',
		);
	});

	test('Update Agent Notes stores the notes of that call', async () => {
		const call = (await t.sandbox.query('select id from public.call_logs where organization_id = $1 limit 1', [orgA()]))[0] as { id: string };
		const { error, items, requests } = await t.run({ resource: 'callLog', operation: 'updateAgentNotes', callLogId: call.id, agentNotes: 'Wants a refund, call back Monday' });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)).toEqual([expect.objectContaining({ method: 'PATCH', path: '/rest/v1/call_logs', query: { id: `eq.${call.id}` }, body: { agent_notes: 'Wants a refund, call back Monday' } })]);
		expect(items[0]).toMatchObject({ id: call.id, agent_notes: 'Wants a refund, call back Monday' });
		expect(await t.sandbox.query('select agent_notes from public.call_logs where id = $1', [call.id])).toEqual([{ agent_notes: 'Wants a refund, call back Monday' }]);
	});

	test('Update Agent Notes with a call log id that is not a UUID is refused before sending', async () => {
		expectInputError(await t.run({ resource: 'callLog', operation: 'updateAgentNotes', callLogId: '17', agentNotes: 'x' }), /^Call Log ID "17" is not a valid ID/);
	});
});
